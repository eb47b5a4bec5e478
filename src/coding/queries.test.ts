import { describe, expect, it } from 'vitest';
import { OTHER, UNDETERMINED, addendumText, checkAnswer, checkQuery, queryOptions } from './queries.ts';

const compliant = {
  question: 'Based on the clinical indicators below, please clarify the type of anemia being treated.',
  clinicalIndicators:
    'Hgb 7.9 g/dL on 11/02 (10.8 on 10/28); melena noted in the ED note; 2 units PRBC transfused.',
  options: ['Acute blood loss anemia', 'Chronic blood loss anemia', 'Iron deficiency anemia'],
};

describe('checkQuery', () => {
  it('lets a multiple-choice query with indicators and several options through', () => {
    expect(checkQuery(compliant)).toEqual([]);
  });

  it('refuses a query that leads, names money, lacks indicators or offers one option', () => {
    const errors = checkQuery({
      question: 'Would you agree this is acute blood loss anemia? It raises the DRG.',
      clinicalIndicators: ' ',
      options: ['Acute blood loss anemia', 'clinically undetermined'],
    });
    expect(errors.map((e) => e.pointer)).toEqual([
      '/clinicalIndicators',
      '/options',
      '/question',
      '/question',
    ]);
    expect(errors[2]?.detail).toMatch(/Would you agree.*leads/);
    expect(errors[3]?.detail).toMatch(/DRG.*financial/);
  });

  it('names a repeated option', () => {
    const errors = checkQuery({ ...compliant, options: ['Sepsis', 'SIRS', 'sepsis'] });
    expect(errors).toEqual([{ pointer: '/options/2', detail: '"sepsis" is offered twice' }]);
  });
});

describe('queryOptions', () => {
  it('always ends with other and clinically undetermined, once', () => {
    expect(queryOptions(['Sepsis', 'SIRS', 'Clinically undetermined', ''])).toEqual([
      'Sepsis',
      'SIRS',
      OTHER,
      UNDETERMINED,
    ]);
  });
});

describe('answers', () => {
  const options = queryOptions(compliant.options);

  it('takes an offered option, and other only with the words', () => {
    expect(checkAnswer(options, { option: 'Acute blood loss anemia' })).toEqual([]);
    expect(checkAnswer(options, { option: 'Sepsis' })[0]?.pointer).toBe('/option');
    expect(checkAnswer(options, { option: OTHER, text: ' ' })[0]?.pointer).toBe('/text');
    expect(checkAnswer(options, { option: OTHER, text: 'Anemia of chronic kidney disease' })).toEqual([]);
  });

  it('writes the addendum the coder cites: question, indicators, options and the signed answer', () => {
    const text = addendumText(
      { id: 7, ...compliant, options, sentAt: '2026-11-03' },
      { option: OTHER, text: 'Anemia of chronic kidney disease' },
      'Dr. Ana Reyes (NPI 1234567893)',
      '2026-11-04',
    );
    expect(text).toContain('Addendum: response to physician query #7 (sent 2026-11-03)');
    expect(text).toContain('Clinical indicators: Hgb 7.9 g/dL');
    expect(text).toContain("Provider's answer: Other: Anemia of chronic kidney disease");
    expect(text).toMatch(/Answered by Dr\. Ana Reyes \(NPI 1234567893\) on 2026-11-04$/);
  });
});
