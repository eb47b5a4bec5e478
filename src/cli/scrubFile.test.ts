import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CodeAnswer, CodeChecker } from '../scrubber/context.ts';
import { tinyCodes } from '../scrubber/testing.ts';
import { scrubFileCommand } from './scrubFile.ts';

// One claim (2024-08-15, diagnosis R69) with nothing wrong but its codes, which need code sets.
const SAMPLE = join(process.cwd(), '../shared/x12-samples/837P/uhin__837.edi');
const today = '2026-11-25';
const notLoaded: CodeAnswer = { loaded: false, valid: false, message: '' };
const withR69: CodeChecker = {
  ...tinyCodes,
  diagnosis: (code, dos) =>
    code === 'R69' ? { loaded: true, valid: true, message: 'valid' } : tinyCodes.diagnosis(code, dos),
};

describe('cleanclaim scrub FILE', () => {
  it('never calls a claim clean when no code set is imported: it names what is missing and exits 1', async () => {
    const r = await scrubFileCommand(SAMPLE, { today, codes: async () => undefined });
    expect(r.exitCode).toBe(1);
    expect(r.output).toContain('UNCHECKED claim 1606');
    expect(r.output).toContain('0 of 1 claims clean');
    expect(r.output).toMatch(/no code set release is imported: .*ICD-10-CM and HCPCS .*2024-08-15/);
    expect(r.output).not.toMatch(/^clean/m);
  });

  it('names the code set missing for the dates of service when others are imported', async () => {
    const r = await scrubFileCommand(SAMPLE, {
      today,
      codes: async () => ({ ...withR69, diagnosis: () => notLoaded }),
    });
    expect(r.exitCode).toBe(1);
    expect(r.output).toContain('No ICD-10-CM release is loaded for 2024-08-15');
    expect(r.output).not.toContain('procedure codes release');
  });

  it('calls the claim clean, exit 0, once its codes are checked and valid', async () => {
    const r = await scrubFileCommand(SAMPLE, { today, codes: async () => withR69 });
    expect(r.output).toContain('1 of 1 claims clean');
    expect(r.exitCode).toBe(0);
  });

  it('reports the missing code sets in --json too', async () => {
    const r = await scrubFileCommand(SAMPLE, { today, json: true, codes: async () => undefined });
    const body = JSON.parse(r.output) as {
      missingCodeSets: string[];
      claims: { clean: boolean; checked: boolean; findings: Record<string, unknown>[] }[];
    };
    expect(body.claims).toEqual([expect.objectContaining({ clean: false, checked: false })]);
    // Each finding is the shared problem type: the rule id is its code, the field a JSON pointer.
    expect(body.claims[0]!.findings).toContainEqual(
      expect.objectContaining({ code: 'CODES-NOT-LOADED', severity: 'warning', field: '/diagnoses' }),
    );
    expect(body.claims[0]!.findings.every((f) => !('ruleId' in f))).toBe(true);
    expect(body.missingCodeSets).toHaveLength(1);
    expect(r.exitCode).toBe(1);
  });

  it('exits 2 on a file it cannot read or that is not X12, without opening the code sets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrub-'));
    const notX12 = join(dir, 'notes.txt');
    writeFileSync(notX12, 'these are not the claims you are looking for\n');
    const codes = async () => {
      throw new Error('the code sets were opened');
    };
    for (const file of [join(dir, 'missing.edi'), notX12]) {
      const r = await scrubFileCommand(file, { today, codes });
      expect(r.exitCode, r.output).toBe(2);
    }
  });
});
