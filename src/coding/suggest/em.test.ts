import { describe, expect, it } from 'vitest';
import { emLevel, mdmLevel } from './em.ts';
import { suggestCodes } from './suggest.ts';
import { smallPhraseIndex } from './testing.ts';

const dos = '2026-03-02';

describe('emLevel by total time', () => {
  it.each([
    [false, 9, undefined],
    [false, 10, '99212'],
    [false, 25, '99213'],
    [false, 30, '99214'],
    [false, 39, '99214'],
    [false, 40, '99215'],
    [true, 14, undefined],
    [true, 15, '99202'],
    [true, 44, '99203'],
    [true, 45, '99204'],
    [true, 75, '99205'],
  ])('new %s, %i minutes → %s', (newPatient, totalMinutes, code) => {
    expect(emLevel({ newPatient, totalMinutes, dateOfService: dos })?.code).toBe(code);
  });

  it('says which rule and what the next level needs', () => {
    const r = emLevel({ newPatient: false, totalMinutes: 32, dateOfService: '2023-05-01' });
    expect(r?.reason).toMatch(/32 minutes.*99214 needs 30 \(40 for the next level\).*2021/);
  });

  it('proposes nothing before the 2021 office E/M guidelines', () => {
    expect(emLevel({ newPatient: false, totalMinutes: 40, dateOfService: '2020-12-31' })).toBeUndefined();
  });
});

describe('emLevel by MDM', () => {
  it('takes the level two of the three elements meet', () => {
    expect(mdmLevel({ problems: 'moderate', data: 'straightforward', risk: 'moderate' })).toBe('moderate');
    expect(mdmLevel({ problems: 'high', data: 'low', risk: 'moderate' })).toBe('moderate');
    expect(mdmLevel({ problems: 'low', data: 'high', risk: 'straightforward' })).toBe('low');
    expect(mdmLevel({ problems: 'high', data: 'high', risk: 'straightforward' })).toBe('high');
  });

  it('maps the MDM level to the new or established code and gives the reason', () => {
    const mdm = { problems: 'moderate', data: 'low', risk: 'moderate' } as const;
    const est = emLevel({ newPatient: false, mdm, dateOfService: dos });
    expect(est?.code).toBe('99214');
    expect(est?.reason).toContain('moderate medical decision making');
    expect(emLevel({ newPatient: true, mdm, dateOfService: dos })?.code).toBe('99204');
  });

  it('uses whichever of time and MDM supports the higher level', () => {
    const mdm = { problems: 'low', data: 'low', risk: 'low' } as const;
    expect(emLevel({ newPatient: false, mdm, totalMinutes: 42, dateOfService: dos })?.code).toBe('99215');
    expect(emLevel({ newPatient: false, mdm, totalMinutes: 12, dateOfService: dos })?.code).toBe('99213');
  });

  it('proposes 99211 for a nurse visit', () => {
    expect(emLevel({ newPatient: false, nurseVisit: true, dateOfService: dos })?.code).toBe('99211');
  });
});

describe('the E/M level read from a note', () => {
  const index = smallPhraseIndex();
  const em = (text: string) =>
    suggestCodes(index, { text, dateOfService: dos }).suggestions.find((s) => s.system === 'CPT');

  it('by documented total time', () => {
    const s = em(
      'New patient with acute pharyngitis. Total time spent on the date of the encounter: 47 minutes.',
    );
    expect(s?.code).toBe('99204');
    expect(s?.evidence.map((e) => e.text)).toContain(
      'Total time spent on the date of the encounter: 47 minutes',
    );
  });

  it('by MDM: two chronic illnesses, labs, and prescription drug management → 99214', () => {
    const s = em(
      'Established patient. Type 2 diabetes and hypertension, both stable. Reviewed A1c and CMP. Continue metformin 500 mg twice daily.',
    );
    expect(s?.code).toBe('99214');
    expect(s?.reason).toMatch(/problems moderate, data low, risk moderate/);
  });

  it('by MDM: one acute uncomplicated illness with over-the-counter treatment → 99213', () => {
    expect(
      em(
        'Follow-up visit. Acute upper respiratory infection. Supportive care, fluids, acetaminophen as needed.',
      )?.code,
    ).toBe('99213');
  });
});
