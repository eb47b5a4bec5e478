import { describe, expect, it } from 'vitest';
import { isValidNpi } from '../shared/npi.ts';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES } from './catalog.ts';
import { generateDemo } from './generate.ts';

const options = { seed: 42, patients: 200, encounters: 1000, asOf: '2026-11-25' };

describe('demo practice generator', () => {
  const demo = generateDemo(options);

  it('is deterministic for a seed', () => {
    expect(generateDemo(options)).toEqual(demo);
    expect(generateDemo({ ...options, seed: 43 }).patients[0]).not.toEqual(demo.patients[0]);
  });

  it('has the practice the foundation issue asks for', () => {
    expect(demo.providers.length).toBeGreaterThanOrEqual(6);
    expect(demo.facilities).toHaveLength(2);
    expect(demo.payers.length).toBeGreaterThanOrEqual(8);
    expect(demo.patients).toHaveLength(200);
    expect(demo.encounters).toHaveLength(1000);
    expect(demo.patients.some((p) => p.coverages.some((c) => c.priority === 'secondary'))).toBe(true);
    for (const npi of [demo.practice.npi, ...demo.providers.map((p) => p.npi)])
      expect(isValidNpi(npi)).toBe(true);
  });

  it('connected to the sandbox, gives three patients its member file cases (coverage ended, another payer primary, high deductible)', () => {
    const members = (d: typeof demo) => d.patients.flatMap((p) => p.coverages.map((c) => c.memberId));
    const cases = generateDemo({ ...options, eligibilityCases: true });
    for (const m of ['TERMINATED1', 'COBPRIMARY1', 'HIGHDEDUCT1']) {
      expect(members(cases).filter((x) => x === m)).toHaveLength(1);
      expect(members(demo)).not.toContain(m);
    }
    // Nothing else changes: the same patients and visits, three member IDs apart.
    expect(cases.encounters).toEqual(demo.encounters);
    expect(members(cases).filter((m, i) => m !== members(demo)[i])).toHaveLength(3);
  });

  it("gives each patient a first name that agrees with the patient's sex (box 3, DMG03)", () => {
    for (const p of demo.patients)
      expect(
        p.sex === 'F' ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES,
        `${p.lastName}, ${p.firstName}`,
      ).toContain(p.firstName);
  });

  it('gives a physician the same NPI in the group and at the hospital, whatever the seed', () => {
    const hospital = generateDemo({ ...options, seed: 99, kind: 'hospital' });
    const npis = (d: typeof demo) => d.providers.map((p) => `${p.lastName} ${p.npi}`);
    expect(npis(hospital)).toEqual(npis(demo));
    expect(new Set(demo.providers.map((p) => p.npi)).size).toBe(demo.providers.length);
  });

  it('puts every encounter on a weekday in the six months before the as-of date, with pointers in range', () => {
    for (const e of demo.encounters) {
      expect(e.serviceDate < options.asOf && e.serviceDate >= '2026-05-26').toBe(true);
      expect([0, 6]).not.toContain(new Date(`${e.serviceDate}T00:00:00Z`).getUTCDay());
      for (const l of e.lines)
        for (const p of l.diagnosisPointers) expect(p).toBeLessThanOrEqual(e.diagnoses.length);
      expect(e.lines.every((l) => Number.isInteger(l.chargeCents) && l.chargeCents > 0)).toBe(true);
    }
  });
});

describe('demo hospital generator', () => {
  const hospital = generateDemo({
    seed: 7,
    patients: 60,
    encounters: 120,
    asOf: '2026-11-25',
    kind: 'hospital',
  });

  it('bills UB-04s: every encounter has a type of bill and every line a revenue code', () => {
    expect(hospital.practice.taxonomy).toBe('282N00000X');
    expect(hospital.feeSchedule).toEqual([]);
    for (const e of hospital.encounters) {
      expect(['111', '131']).toContain(e.institutional?.billType);
      expect(e.lines.every((l) => /^\d{4}$/.test(l.revenueCode ?? ''))).toBe(true);
      expect((e.serviceDateTo ?? e.serviceDate) < '2026-11-25').toBe(true);
    }
  });

  it('loads for every seed, young children included (no stay fits them)', () => {
    for (const seed of [1, 2, 3, 20261126])
      expect(
        generateDemo({ seed, patients: 120, encounters: 250, asOf: '2026-11-25', kind: 'hospital' })
          .encounters,
      ).toHaveLength(250);
  });

  it('gives inpatient stays admission data, POA per diagnosis and room-and-board days', () => {
    const stays = hospital.encounters.filter((e) => e.institutional?.billType === '111');
    expect(stays.length).toBeGreaterThan(0);
    for (const s of stays) {
      expect(s.institutional).toMatchObject({ admissionDate: s.serviceDate, admissionSource: '1' });
      expect(s.institutional!.presentOnAdmission).toHaveLength(s.diagnoses.length);
      const days = s.lines.find((l) => l.revenueCode === '0120')!.units;
      expect(days).toBe((Date.parse(s.serviceDateTo!) - Date.parse(s.serviceDate)) / 86_400_000);
    }
  });
});
