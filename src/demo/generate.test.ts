import { describe, expect, it } from 'vitest';
import { isValidNpi } from '../shared/npi.ts';
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
