import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { MemoryControlNumbers } from '../engine/writer.ts';
import { validateX12 } from '../engine/validate.ts';
import { parse277CA } from './277ca.ts';
import { write277CA, type Acknowledgment277CA } from './277ca-generate.ts';

const PYX12 = resolve(process.cwd(), '../shared/tools/pyx12-check');

const ack: Acknowledgment277CA = {
  informationSource: { name: 'SANDBOX PLAN', idQualifier: '46', id: 'SBX01' },
  receiver: { name: 'PREMIER BILLING', id: 'TGJ23' },
  batchTrace: '0021',
  receiverTrace: '244579',
  receiptDate: '2026-12-03',
  processDate: '2026-12-03',
  providers: [
    {
      name: 'BEN KILDARE SERVICE',
      npi: '9876543210',
      claims: [
        {
          patient: { lastName: 'SMITH', firstName: 'TED', memberId: 'M1' },
          patientControlNumber: 'A1',
          chargeCents: 12000,
          accepted: true,
          statuses: [{ category: 'A2', code: '20' }],
          payerClaimControlNumber: 'PCN001',
          serviceDate: { from: '2026-11-20', to: '2026-11-21' },
        },
        {
          patient: { lastName: 'DOE', memberId: 'M2' },
          patientControlNumber: 'A2',
          chargeCents: 5050,
          accepted: false,
          statuses: [
            { category: 'A7', code: '562', entity: '82' },
            { category: 'A7', code: '255' },
          ],
          serviceDate: { from: '2026-11-20' },
        },
      ],
    },
  ],
};

describe('write277CA', () => {
  it('writes what parse277CA reads back, valid for X214 (ours and pyx12)', async () => {
    const text = await write277CA([ack], {
      senderId: 'SBX01',
      receiverId: 'TGJ23',
      date: '20261203',
      time: '1340',
      numbers: new MemoryControlNumbers({}),
    });
    expect(validateX12(text).valid).toBe(true);
    const read = parse277CA(text);
    expect(read.valid).toBe(true);
    const claims = read.acknowledgments[0]!.claims;
    expect(claims.map((c) => [c.patientControlNumber, c.accepted, c.payerClaimControlNumber])).toEqual([
      ['A1', true, 'PCN001'],
      ['A2', false, undefined],
    ]);
    expect(claims[1]!.statuses[0]).toMatchObject({
      category: 'A7',
      code: '562',
      entity: '82',
      chargeCents: 5050,
    });
    expect(claims[1]!.statuses[0]!.additional).toEqual([{ category: 'A7', code: '255' }]);
    const dir = mkdtempSync(join(tmpdir(), '277ca-'));
    try {
      writeFileSync(join(dir, 'ack.277'), text);
      const out = await promisify(execFile)(PYX12, [join(dir, 'ack.277')]).catch(
        (e: { stdout?: string }) => ({
          stdout: e.stdout ?? '',
        }),
      );
      expect(out.stdout).toMatch(/^OK /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
