import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { seedDemo } from '../demo/seed.ts';
import { submittedDemoClaims } from '../remits/post-testing.ts';
import { loadScenario } from '../sandbox/process.ts';
import { adjudicateDue, emptyState, receive837, type SandboxContext } from '../sandbox/respond.ts';
import { DENIAL_CATEGORIES } from './mapping.ts';
import { startTestApp, testSubmitterSettings, type Client } from '../server/testing.ts';

// Issue 15: the demo's claims, answered by the sandbox's default scenario, come back with denials
// in every category, each with its next step. The sandbox's own answering (receive837 then
// adjudicateDue) reads the practice's 837 and writes the 835s the biller uploads.
describe('demo denials: the sandbox denies demo claims in every category', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  let practiceId: number;

  beforeAll(async () => {
    t = await startTestApp({ work: true });
    practiceId = await seedDemo(
      t.database,
      { seed: 20261203, patients: 40, encounters: 80, asOf: '2026-11-20' },
      SYSTEM_ACTOR,
      [],
    );
    await t.addUser('biller@example.org', [{ practiceId, role: 'biller' }]);
    await t.addUser('manager@example.org', [{ practiceId, role: 'manager' }]);
    biller = await t.login('biller@example.org');
    const manager = await t.login('manager@example.org');
    const made = await submittedDemoClaims(
      t.database.db,
      t.database.sql,
      practiceId,
      biller,
      manager,
      40,
      testSubmitterSettings(practiceId),
    );
    expect(made.length).toBeGreaterThan(0);
  }, 300_000);
  afterAll(() => t?.close());

  it('yields a denial in every category with its recommended action', async () => {
    const { rows } = await t.database.sql.executeSql(
      `select x12 from submission_batch where practice_id = $1 order by id`,
      [practiceId],
    );
    const scenario = await loadScenario();
    const ctx: Omit<SandboxContext, 'now'> = { scenario, seed: 7 };
    const eras: string[] = [];
    let state = emptyState();
    // The batch, then the same file sent again three weeks later: its claims come back as duplicates,
    // or late (timely filing) when past the payer's limit by then.
    for (const now of ['2026-12-01T09:00:00Z', '2026-12-20T09:00:00Z']) {
      for (const r of rows) state = (await receive837(String(r.x12), state, { ...ctx, now })).state;
      const answered = await adjudicateDue(state, { ...ctx, now: now.replace('T09', 'T23') });
      state = answered.state;
      eras.push(...answered.files.filter((f) => f.kind === '835').map((f) => f.text));
    }
    for (const [i, text] of eras.entries()) {
      const res = await biller.post('/api/eras', { practiceId, fileName: `sandbox-${i}.835`, content: text });
      expect(res.statusCode, res.body).toBe(201);
    }
    const denials = (await biller.get(`/api/denials?practiceId=${practiceId}&limit=500`)).json().items as {
      groupCode: string;
      reasonCode: string;
      remarkCodes: string[];
      category: string;
      action: string;
    }[];
    // Each category: the CARC the sandbox sends for it and the next step the mapping gives.
    const expected: Record<string, { code: string; action: string }> = {
      eligibility: { code: 'CO-27', action: 'correct-resubmit' },
      'coordination-of-benefits': { code: 'CO-22', action: 'correct-resubmit' },
      'timely-filing': { code: 'CO-29', action: 'appeal' },
      duplicate: { code: 'CO-18', action: 'none' },
      'non-covered': { code: 'CO-96', action: 'write-off' },
      authorization: { code: 'CO-197', action: 'appeal' },
      bundling: { code: 'CO-234', action: 'correct-resubmit' },
      'medical-necessity': { code: 'CO-50', action: 'send-records' },
      coding: { code: 'CO-4', action: 'correct-resubmit' },
      'missing-information': { code: 'CO-16', action: 'correct-resubmit' },
      contractual: { code: 'CO-24', action: 'none' },
    };
    expect(Object.keys(expected).sort()).toEqual([...DENIAL_CATEGORIES].sort());
    for (const [category, { code, action }] of Object.entries(expected)) {
      const found = denials.filter((d) => d.category === category);
      expect(found.length, category).toBeGreaterThan(0);
      for (const d of found)
        expect({ code: `${d.groupCode}-${d.reasonCode}`, action: d.action }).toEqual({ code, action });
    }
  });
});
