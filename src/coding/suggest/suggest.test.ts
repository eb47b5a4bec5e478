import { describe, expect, it } from 'vitest';
import { suggestCodes } from './suggest.ts';
import { smallPhraseIndex } from './testing.ts';

const index = smallPhraseIndex();
const dos = '2026-03-02';
const run = (text: string, extra: { sex?: 'F' | 'M'; age?: number; newPatient?: boolean } = {}) =>
  suggestCodes(index, { text, dateOfService: dos, ...extra });
const icd = (text: string, extra = {}) =>
  run(text, extra)
    .suggestions.filter((s) => s.system === 'ICD-10-CM')
    .map((s) => s.code);

describe('suggestCodes: matching', () => {
  it('matches a title in any word order and with shorthand, the more specific code winning', () => {
    expect(icd('Left knee pain for two weeks.')).toEqual(['M25562']);
    expect(icd('Type 2 DM with hyperglycemia.')).toEqual(['E1165']);
    expect(icd('Type II diabetes, well controlled.')).toEqual(['E119']);
    expect(icd('HTN, on lisinopril.')).toEqual(['I10']);
  });

  it.each([
    ['Migraine without aura, not intractable.', 'G43009'],
    ['Migraine without aura, intractable.', 'G43019'],
    ['Migraine with aura.', 'G43109'],
    ['Migraine.', 'G43909'],
    ['Acute cystitis without hematuria.', 'N3000'],
    ['Acute cystitis with hematuria.', 'N3001'],
  ])('reads what a title says is absent as optional words: %s → %s', (text, code) => {
    expect(icd(text)).toEqual([code]);
  });

  it('resolves a header to its default child (Asthma → J45.909)', () => {
    expect(icd('Assessment: asthma.')).toEqual(['J45909']);
  });

  it('gives the evidence as offsets into the note', () => {
    const text = 'Seen today. Pain in the right knee after a fall.';
    const [s] = run(text).suggestions;
    expect(s?.code).toBe('M25561');
    for (const e of s?.evidence ?? []) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(s?.evidence.map((e) => e.text)).toEqual(['Pain in the right knee']);
  });

  it('does not join words from different sentences', () => {
    expect(icd('Right shoulder strain. Knee pain.')).not.toContain('M25561');
  });
});

describe('suggestCodes: negation and uncertainty', () => {
  it.each([
    ['Denies chest pain.', 'R079'],
    ['No fever.', 'R509'],
    ['Negative for pneumonia on chest x-ray.', 'J189'],
    ['Patient denies fever, cough or chest pain.', 'R079'],
    ['Pneumonia was ruled out.', 'J189'],
  ])('%s sets %s aside as negated', (text, code) => {
    const r = run(text);
    expect(r.suggestions.map((s) => s.code)).not.toContain(code);
    expect(r.setAside).toContainEqual(expect.objectContaining({ code, why: 'negated' }));
  });

  it('stops a negation at the clause end or at "but"', () => {
    expect(icd('No fever; chest pain since Monday.')).toEqual(['R079']);
    expect(icd('Denies fever but reports chest pain.')).toEqual(['R079']);
  });

  it('sets "rule out" and "possible" aside as uncertain (outpatient guideline IV.H)', () => {
    const r = run('Cough. Rule out pneumonia.');
    expect(icd('Cough. Rule out pneumonia.')).toEqual(['R059']);
    expect(r.setAside).toContainEqual(expect.objectContaining({ code: 'J189', why: 'uncertain' }));
    expect(icd('Possible pneumonia.')).toEqual([]);
  });

  it('reads "no change in" as no negation', () => {
    expect(icd('No change in her chest pain.')).toEqual(['R079']);
  });
});

describe('suggestCodes: history', () => {
  it('turns a personal history into its Z code', () => {
    const [s] = run('History of colon cancer, resected 2019.').suggestions;
    expect(s?.code).toBe('Z85038');
    expect(s?.reason).toContain('personal history');
    expect(icd('H/o stroke without residual deficits.')).toEqual(['Z8673']);
  });

  it('turns a family history into its Z code, also under a Family History heading', () => {
    expect(icd('Family history of breast cancer.')).toEqual(['Z803']);
    expect(icd('Family History:\nMother: type 2 diabetes.\nFather: colon cancer.')).toEqual(['Z833']);
    expect(icd('Mother had breast cancer.')).toEqual(['Z803']);
  });

  it('keeps a chronic condition written as history current, at low confidence', () => {
    const [s] = run('History of hypertension, on amlodipine.').suggestions;
    expect(s?.code).toBe('I10');
    expect(s?.confidence).toBeLessThan(0.6);
  });

  it('"no history of" and "no family history of" deny', () => {
    expect(icd('No history of stroke. No family history of breast cancer.')).toEqual([]);
  });
});

describe('suggestCodes: patient', () => {
  it("drops a code the patient's sex rules out", () => {
    expect(icd('Benign prostatic hyperplasia.', { sex: 'M' })).toEqual(['N400']);
    expect(icd('Benign prostatic hyperplasia.', { sex: 'F' })).toEqual([]);
  });
});

describe('suggestCodes: what a coder codes', () => {
  it('codes from the assessment when there is one; symptoms elsewhere are set aside', () => {
    const r = run(
      'Cough and fever for 3 days.\nAssessment: acute upper respiratory infection.\nPlan: fluids.',
    );
    expect(r.suggestions.filter((s) => s.system === 'ICD-10-CM').map((s) => s.code)).toEqual(['J069']);
    expect(r.setAside).toContainEqual(
      expect.objectContaining({ code: 'R059', why: 'not in the assessment' }),
    );
  });

  it('keeps history Z codes from anywhere in the note', () => {
    expect(icd('Family history of breast cancer.\nAssessment: hypertension.')).toEqual(['Z803', 'I10']);
  });

  it('drops the default code of a category when a more specific one is documented', () => {
    const r = run('Type 2 diabetes, follow-up. Type 2 diabetes with hyperglycemia, A1c 9.');
    expect(r.suggestions.filter((s) => s.system === 'ICD-10-CM').map((s) => s.code)).toEqual(['E1165']);
    expect(r.setAside).toContainEqual(
      expect.objectContaining({ code: 'E119', why: 'a more specific code is documented' }),
    );
  });

  it('proposes 99211 for a nurse visit', () => {
    const em = run('Nurse visit for blood pressure check. Hypertension on amlodipine.').suggestions.find(
      (s) => s.system === 'CPT',
    );
    expect(em?.code).toBe('99211');
  });
});
