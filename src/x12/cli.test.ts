import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromJsonCommand, inspectCommand, toJsonCommand, validateCommand } from './cli.ts';
import { SAMPLES, tr3Claim } from './testing/fixtures.ts';
import { parse837 } from './transactions/837.ts';

const s = (rel: string): string => join(SAMPLES, rel);

describe('x12 CLI commands', () => {
  it('inspect lists the envelope', async () => {
    const r = await inspectCommand(s('837P/databricks__CHPW_Claimdata.txt'));
    expect(r.exitCode).toBe(0);
    expect(r.output).toContain('transactions: 5');
    expect(r.output).toMatch(/transaction ST01=837 ST02=\S+ ST03=005010X222A1/);
  });

  it('validate exits 0 for a clean file and 1 with located problems otherwise', async () => {
    expect((await validateCommand(s('837P/stupidedi__anesthesia.edi'))).exitCode).toBe(0);
    const bad = await validateCommand(s('837P/imsweb__x12_segment_errors.txt'));
    expect(bad.exitCode).toBe(1);
    expect(bad.output).toContain(
      'ERROR X12_SEGMENT_MISSING [segment 10, line 10, ST02 987654, loop 2010AA, N3]',
    );
    const json = JSON.parse(
      (await validateCommand(s('837P/imsweb__x12_segment_errors.txt'), { json: true })).output,
    );
    expect(json.valid).toBe(false);
    expect(json.problems[0].code).toBe('X12_SE_COUNT');
  });

  it('validate exits 2 on unreadable input', async () => {
    expect((await validateCommand('/nonexistent/file.edi')).exitCode).toBe(2);
  });

  it('to-json gives typed objects per transaction type', async () => {
    const r = JSON.parse((await toJsonCommand(s('835/stupidedi__tertiary-payments.edi'))).output);
    expect(r['835'][0].payment.totalPaidCents).toBe(18750);
    const ack = JSON.parse((await toJsonCommand(s('277CA/imsweb__x12_277CA_rejected.txt'))).output);
    expect(ack['277CA'][0].claims[0].statuses[0].category).toBe('A7');
  });

  it('to-json reads 270, 271 (with the front-desk summary), 276 and 277 (with each claim in words)', async () => {
    const json = async (f: string) => JSON.parse((await toJsonCommand(s(f))).output);
    expect((await json('270/lfh__subscriber-health-benefit-check.270'))['270'][0].serviceTypes).toEqual([
      '30',
    ]);
    const elig = await json('271/x12edit__271_rejected_subscriber.x12');
    expect(elig['271'][0].summary).toMatchObject({ status: 'rejected', rejections: [{ code: '72' }] });
    expect((await json('276/stupidedi__claim-request.edi'))['276']).toHaveLength(3);
    const status = await json('277/stupidedi__claim-response.edi');
    expect(status['277'][0].summary[0].codes).toEqual(['P3:317']);
    expect(status['277CA']).toBeUndefined();
  });

  it('from-json writes an 837P that reads back to the same claims', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'x12-cli-'));
    const file = join(dir, 'claims.json');
    const claim = tr3Claim();
    writeFileSync(
      file,
      JSON.stringify({
        submitter: { name: 'SUB', id: 'S1' },
        receiver: { name: 'REC', id: 'R1' },
        senderId: 'S1',
        receiverId: 'R1',
        date: '20240101',
        time: '1200',
        claims: [claim],
      }),
    );
    const r = await fromJsonCommand(file);
    expect(r.exitCode).toBe(0);
    expect(parse837(r.output).claims).toEqual([claim]);
    writeFileSync(file, '{not json');
    expect((await fromJsonCommand(file)).exitCode).toBe(2);
  });
});
