import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { importFshCodeSystem } from './codeSystem.ts';
import { collect, expectFileError, tempFile } from '../testing.ts';

const shared = path.resolve(process.cwd(), '../shared/codesets');

describe('FSH CodeSystem files', () => {
  it('reads POS, CARC, group codes and type of bill', async () => {
    const pos = await collect(
      importFshCodeSystem(`${shared}/place_of_service/cms-bfd-2026-08-22/CodeSystem-CLM-POS-CD.fsh`),
    );
    expect(pos).toHaveLength(101);
    // SOURCES.md says 60 assigned / 40 UNASSIGNED; the file itself holds 52 assigned, 48 UNASSIGNED and "~".
    expect(pos.filter((c) => c.display !== 'UNASSIGNED' && c.code !== '~')).toHaveLength(52);
    expect(pos.find((c) => c.code === '11')?.display).toMatch(/^OFFICE - /);
    expect(
      await collect(importFshCodeSystem(`${shared}/carc/cms-bfd-2026-08-22/CodeSystem-ANSI-RSN-CD.fsh`)),
    ).toHaveLength(407);
    const groups = await collect(
      importFshCodeSystem(`${shared}/claim_adjustment_group/cms-bfd-2026-08-22/CodeSystem-ANSI-GRP-CD.fsh`),
    );
    expect(groups.map((g) => g.code)).toEqual(['CO', 'CR', 'OA', 'PI', 'PR']);
    const tob = await collect(
      importFshCodeSystem(
        `${shared}/type_of_bill_frequency/cms-bfd-2026-08-22/CodeSystem-CLM-BILL-FREQ-CD.fsh`,
      ),
    );
    expect(tob).toHaveLength(1_939);
    expect(tob.find((t) => t.code === '111')?.display).toBe(
      'HOSPITAL, INPATIENT (PART A), ADMIT THROUGH DISCHARGE CLAIM',
    );
  });

  it('rejects a cut concept line and a malformed one', async () => {
    const head = 'CodeSystem: X\nId: X\nTitle: "X"\n* #1 "Deductible Amount"\n';
    const cut = await tempFile('cut.fsh', head + '* #2 "Coinsur');
    expect((await expectFileError(importFshCodeSystem(cut))).problem).toMatchObject({
      code: 'FILE_TRUNCATED',
      line: 5,
    });
    const bad = await tempFile('bad.fsh', head + '* #2 Coinsurance\n');
    expect((await expectFileError(importFshCodeSystem(bad))).problem).toMatchObject({
      code: 'RECORD_MALFORMED',
      line: 5,
    });
  });
});
