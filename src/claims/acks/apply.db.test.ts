import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testSubmitterSettings, type Client } from '../../server/testing.ts';
import { generate999 } from '../../x12/index.ts';

// A batch of demo claims (one claim per transaction set), its 999 accepting one set and rejecting
// another, then a 277CA accepting and rejecting claims; the rejected claim is fixed and resubmitted.
const numbers = () => {
  let n = 900;
  return { next: async () => ++n };
};

function ca277(claims: { pcn: string; status: string; payerNumber?: string }[]): string {
  const seg: string[] = [
    'ST*277*0001*005010X214',
    'BHT*0085*08*ACK1*20261201*1200*TH',
    'HL*1**20*1',
    'NM1*PR*2*DEMO PAYER*****PI*12345',
    'TRN*1*T1',
    'DTP*050*D8*20261201',
    'DTP*009*D8*20261201',
    'HL*2*1*21*1',
    'NM1*41*2*RIVERSIDE BILLING*****46*RIVER01',
    'TRN*2*B1',
    'STC*A1:19*20261201*WQ*100',
    'QTY*90*1',
    'AMT*YU*100',
    'HL*3*2*19*1',
    'NM1*85*2*CLINIC*****XX*1234567893',
    'TRN*1*0',
    'STC*A1:19*20261201*WQ*100',
  ];
  let hl = 3;
  for (const c of claims) {
    seg.push(
      `HL*${++hl}*3*PT`,
      'NM1*QC*1*DOE*JANE****MI*M1',
      `TRN*2*${c.pcn}`,
      `STC*${c.status}*20261201*${c.status.startsWith('A2') ? 'WQ' : 'U'}*100`,
    );
    if (c.payerNumber) seg.push(`REF*1K*${c.payerNumber}`);
    seg.push('DTP*472*D8*20261120');
  }
  const body = [...seg, `SE*${seg.length + 1}*0001`];
  return (
    [
      'ISA*00*          *00*          *ZZ*DEMOCH         *ZZ*RIVER01        *261201*1200*^*00501*000000777*0*T*:',
      'GS*HN*DEMOCH*RIVER01*20261201*1200*777*X*005010X214',
      ...body,
      'GE*1*777',
      'IEA*1*000000777',
    ].join('~') + '~'
  );
}

describe('acknowledgments applied to batches and claims', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  const ready: number[] = [];
  let batchId: number;
  let file837: string;
  const pcn = new Map<number, string>();

  beforeAll(async () => {
    t = await startTestApp({ work: true });
    await t.addUser('biller@example.org', [{ practiceId: t.practiceA, role: 'biller' }]);
    await t.addUser('manager@example.org', [{ practiceId: t.practiceA, role: 'manager' }]);
    biller = await t.login('biller@example.org');
    const manager = await t.login('manager@example.org');
    const { rows } = await t.database.sql.executeSql(
      `select e.id from encounter e join coverage c on c.patient_id = e.patient_id and c.priority = 'primary' where e.practice_id = $1 order by e.id limit 20`,
      [t.practiceA],
    );
    for (const r of rows) {
      if (ready.length === 3) break;
      const c = (await biller.post('/api/claims', { encounterId: Number(r.id) })).json();
      let d = c;
      for (const f of c.findings.filter((x: { severity: string }) => x.severity === 'warning'))
        d = (
          await biller.post(`/api/claims/${c.id}/findings/${f.id}/override`, { reason: 'test batch' })
        ).json();
      if (d.state === 'ready') {
        ready.push(c.id);
        pcn.set(c.id, d.patientControlNumber);
      }
    }
    expect(ready.length).toBeGreaterThanOrEqual(3);
    const s = await manager.post('/api/submitter-settings', {
      ...testSubmitterSettings(t.practiceA),
      claimsPerTransaction: 1,
    });
    expect(s.statusCode, s.body).toBe(201);
    const b = await biller.post('/api/batches', { practiceId: t.practiceA });
    expect(b.statusCode, b.body).toBe(201);
    batchId = b.json().batchId;
    file837 = (await biller.get(`/api/batches/${batchId}/837`)).body;
  }, 600_000);
  afterAll(() => t?.close());

  const apply = (fileName: string, text: string) =>
    biller.post('/api/acknowledgments', { practiceId: t.practiceA, fileName, text });
  const claimState = async (id: number) => (await biller.get(`/api/claims/${id}`)).json().state;

  it('a 999 rejecting one transaction set rejects its claim with the IK3/IK4 error; the others are submitted', async () => {
    // Sent by hand and never marked sent: the claims wait batched until an answer proves it arrived.
    for (const id of ready) expect(await claimState(id)).toBe('batched');
    // Break the second set's service date: the 999 the engine writes for the file rejects that set.
    const second = file837.indexOf('ST*837', file837.indexOf('ST*837') + 1);
    expect(second).toBeGreaterThan(0);
    const broken =
      file837.slice(0, second) + file837.slice(second).replace(/DTP\*472\*D8\*\d{8}/, 'DTP*472*D8*20261399');
    const rejectedPcn = /CLM\*([^*]+)/.exec(file837.slice(second))![1]!;
    const rejectedId = [...pcn].find(([, v]) => v === rejectedPcn)![0];
    const keptId = ready.find((id) => id !== rejectedId)!;
    const text = await generate999(broken, { numbers: numbers(), date: '20261201', time: '1200' });
    const res = await apply('999-1.x12', text);
    expect(res.statusCode, res.body).toBe(201);
    const out = res.json();
    expect(out.kind).toBe('999');
    expect(out.batchId).toBe(batchId);
    expect(out.status).toBe('partially_accepted');
    expect(out.rejected).toBe(1);
    expect(await claimState(rejectedId)).toBe('rejected');
    expect(await claimState(keptId)).toBe('submitted');
    const history = (await biller.get(`/api/claims/${rejectedId}/acknowledgments`)).json();
    expect(history[0].status).toBe('rejected');
    expect(history[0].reasons.map((r: { text: string }) => r.text).join(' ')).toMatch(/date/);
    const acks = (await biller.get(`/api/batches/${batchId}/acknowledgments`)).json();
    expect(acks[0].kind).toBe('999');
    expect((await biller.get(`/api/batches/${batchId}`)).json().state).toBe('acknowledged');

    // The same file again changes nothing.
    const again = await apply('999-1-copy.x12', text);
    expect(again.statusCode).toBe(200);
    expect(again.json().alreadyApplied).toBe(true);
    expect((await biller.get(`/api/batches/${batchId}/acknowledgments`)).json()).toHaveLength(1);
  });

  it('a 277CA accepts claims with the payer claim number and rejects one in a biller’s words; fixed, it is resubmitted', async () => {
    const [ok, bad] = (await Promise.all(ready.map(async (id) => [id, await claimState(id)] as const)))
      .filter(([, st]) => st === 'submitted')
      .map(([id]) => id) as [number, number];
    const text = ca277([
      { pcn: pcn.get(ok)!, status: 'A2:20', payerNumber: 'PAYER-0001' },
      { pcn: pcn.get(bad)!, status: 'A7:164:IL' },
      { pcn: 'NOT-OURS-1', status: 'A2:20' },
    ]);
    const res = await apply('277ca-1.x12', text);
    expect(res.statusCode, res.body).toBe(201);
    const out = res.json();
    expect(out).toMatchObject({ kind: '277CA', accepted: 1, rejected: 1, unmatched: ['NOT-OURS-1'] });
    expect(await claimState(ok)).toBe('accepted');
    expect((await biller.get(`/api/claims/${ok}`)).json().payerClaimNumber).toBe('PAYER-0001');
    expect(await claimState(bad)).toBe('rejected');
    const h = (await biller.get(`/api/claims/${bad}/acknowledgments`)).json();
    expect(h[0].reasons[0].text).toMatch(
      /invalid information: entity’s contract\/member number \(subscriber\)/,
    );
    expect((await apply('277ca-1.x12', text)).json().alreadyApplied).toBe(true);
    expect(await claimState(ok)).toBe('accepted');

    // Fixed and resubmitted through the normal path: scrubbed again, ready, batched.
    const scrub = await biller.post(`/api/claims/${bad}/scrub`, {});
    expect(scrub.statusCode, scrub.body).toBeLessThan(300);
    const d = scrub.json();
    for (const f of (d.findings ?? []).filter(
      (x: { severity: string; overriddenAt?: string | null }) => x.severity === 'warning' && !x.overriddenAt,
    ))
      await biller.post(`/api/claims/${bad}/findings/${f.id}/override`, { reason: 'resubmit' });
    expect(await claimState(bad)).toBe('ready');
    const b = await biller.post('/api/batches', { practiceId: t.practiceA, claimIds: [bad] });
    expect(b.statusCode, b.body).toBe(201);
    expect(await claimState(bad)).toBe('batched');
    // The payer's 277CA for it arrives before anyone marked the new batch sent: it was sent, so the
    // claim is submitted and accepted in the answer's transaction.
    const accepted = await apply(
      '277ca-2.x12',
      ca277([{ pcn: pcn.get(bad)!, status: 'A2:20', payerNumber: 'PAYER-0002' }]),
    );
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(await claimState(bad)).toBe('accepted');
    expect((await biller.get(`/api/batches/${b.json().batchId}`)).json().state).toBe('sent');
  });

  it('refuses a truncated or foreign file whole, applying nothing', async () => {
    const text = ca277([{ pcn: pcn.get(ready[0]!)!, status: 'A7:21' }]);
    const cut = text.slice(0, text.indexOf('SE*'));
    const res = await apply('cut.x12', cut);
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toMatch(/cut short/);
    const junk = await apply('junk.txt', 'hello');
    expect(junk.statusCode).toBe(422);
    expect(junk.json().detail).toMatch(/not an X12 file/);
  });

  it('reads the sample TA1, 999 and 277CA files without crashing: unmatched ones are recorded', async () => {
    const root = path.resolve(process.cwd(), '../shared/x12-samples');
    for (const kind of ['TA1', '999', '277CA']) {
      for (const name of readdirSync(path.join(root, kind))) {
        const res = await apply(name, readFileSync(path.join(root, kind, name), 'utf8'));
        expect([200, 201, 422], `${kind}/${name}: ${res.body}`).toContain(res.statusCode);
        if (res.statusCode === 201) expect(res.json().status).toBeDefined();
      }
    }
  });
});
