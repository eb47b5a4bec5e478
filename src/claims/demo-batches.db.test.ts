import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { seedDemo } from '../demo/seed.ts';
import { DEMO_DEFAULTS, DEMO_HOSPITAL } from '../demo/defaults.ts';
import { startTestApp, testSubmitterSettings, type Client } from '../server/testing.ts';
import { todayIso } from '../shared/dates.ts';
import { validateX12 } from '../x12/index.ts';

// Every claim the demo makes ready, batched, must leave as an 837 that our validator and an outside
// one (pyx12, ../shared/tools) accept: dependents (2000C), inpatient and outpatient UB-04s, patients
// with a secondary coverage. The demo's generators and seeds at a smaller size; no code sets (their
// warning is overridden like any other), so the suite stays fast.
const PYX12 = path.resolve(process.cwd(), '../shared/tools/pyx12-check');
// DEMO_BATCH_FULL=1 runs it on the whole demo installation (both practices at their default sizes).
const FULL = process.env.DEMO_BATCH_FULL === '1';
const run = promisify(execFile);

describe('every ready demo claim leaves as a valid 837', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  const practices: { id: number; claimType: 'professional' | 'institutional' }[] = [];
  const ready = new Map<number, number>();
  const files: { name: string; x12: string }[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'cleanclaim-837-'));

  beforeAll(async () => {
    t = await startTestApp({ work: true });
    const asOf = todayIso();
    const clinic = await seedDemo(
      t.database,
      { ...DEMO_DEFAULTS, ...(FULL ? {} : { patients: 50, encounters: 100 }), asOf },
      SYSTEM_ACTOR,
      [],
    );
    const hospital = await seedDemo(
      t.database,
      { ...DEMO_HOSPITAL, ...(FULL ? {} : { patients: 40, encounters: 50 }), asOf },
      SYSTEM_ACTOR,
      [],
    );
    practices.push({ id: clinic, claimType: 'professional' }, { id: hospital, claimType: 'institutional' });
    await t.addUser('biller@example.org', [
      { practiceId: clinic, role: 'biller' },
      { practiceId: hospital, role: 'biller' },
    ]);
    await t.addUser('manager@example.org', [
      { practiceId: clinic, role: 'manager' },
      { practiceId: hospital, role: 'manager' },
    ]);
    biller = await t.login('biller@example.org');
    const manager = await t.login('manager@example.org');
    for (const { id } of practices)
      expect((await manager.post('/api/submitter-settings', testSubmitterSettings(id))).statusCode).toBe(201);
    const { rows } = await t.database.sql.executeSql(
      `select distinct e.id, e.practice_id from encounter e
         join coverage c on c.patient_id = e.patient_id and c.priority = 'primary'
          and c.effective_date <= e.service_date_from
          and (c.termination_date is null or c.termination_date >= e.service_date_from)
        where e.practice_id in ($1, $2) order by e.id`,
      [clinic, hospital],
    );
    for (const r of rows) {
      const created = await biller.post('/api/claims', { encounterId: Number(r.id) });
      expect(created.statusCode, created.body).toBe(201);
      let claim = created.json();
      // Make ready what the scrubber allows: errors block, warnings are overridden with a reason.
      for (const f of claim.findings.filter((x: { severity: string }) => x.severity === 'warning'))
        claim = (
          await biller.post(`/api/claims/${claim.id}/findings/${f.id}/override`, {
            reason: 'demo batch test',
          })
        ).json();
      if (claim.state === 'ready') ready.set(claim.id, Number(r.practice_id));
    }
  }, 3_600_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds dependents, secondary coverage, inpatient and outpatient UB-04s', async () => {
    const { rows } = await t.database.sql.executeSql(
      `select
         count(*) filter (where relationship <> '18')::int as dependents,
         count(*) filter (where priority = 'secondary')::int as secondary
       from coverage where practice_id in ($1, $2)`,
      practices.map((p) => p.id),
    );
    expect(rows[0]).toMatchObject({ dependents: expect.any(Number), secondary: expect.any(Number) });
    expect(Number(rows[0]!.dependents)).toBeGreaterThan(0);
    expect(Number(rows[0]!.secondary)).toBeGreaterThan(0);
    expect([...ready.values()].filter((p) => p === practices[1]!.id).length).toBeGreaterThan(0);
    expect([...ready.values()].filter((p) => p === practices[0]!.id).length).toBeGreaterThan(0);
  });

  it('batches every ready claim: none is returned and every file passes our validator', async () => {
    for (const { id, claimType } of practices) {
      const res = await biller.post('/api/batches', { practiceId: id, claimType });
      expect(res.statusCode, res.body).toBe(201);
      const outcome = res.json();
      expect(outcome.returned).toEqual([]);
      if (FULL) console.log(`${claimType}: ${outcome.claimCount} claims batched`);
      expect(outcome.claimCount).toBe([...ready.values()].filter((p) => p === id).length);
      const x12 = (await biller.get(`/api/batches/${outcome.batchId}/837`)).body;
      expect(validateX12(x12).problems.filter((p) => p.severity !== 'warning')).toEqual([]);
      files.push({ name: `${claimType}.x12`, x12 });
    }
    const [p, i] = files.map((f) => f.x12);
    // Dependents go out with SBR02 empty in 2000B and their relationship in PAT01 (2000C); a
    // patient's other coverage goes in loop 2320 (its SBR02 is the relationship to that subscriber).
    for (const x12 of [p!, i!]) {
      expect(x12).toMatch(/^SBR\*P\*\*/m);
      expect(x12).toMatch(/^PAT\*19~/m);
      expect(x12).not.toMatch(/^HL\*\d+\*\d*\*22\*[01]~\s*SBR\*[PST]\*19\*/m);
      expect(x12).toMatch(/^SBR\*S\*\d\d\*[^~]*~\s*OI\*/m);
      expect(x12).toMatch(/^REF\*EI\*\d{9}~/m);
    }
    expect(i).toMatch(/^CLM\*[^*]+\*[\d.]+\*\*\*11:A:1\*/m);
    expect(i).toMatch(/^CLM\*[^*]+\*[\d.]+\*\*\*13:A:1\*/m);
  }, 600_000);

  it('every file passes pyx12', async () => {
    expect(files).toHaveLength(2);
    const paths = files.map((f) => {
      const file = path.join(dir, f.name);
      writeFileSync(file, f.x12);
      return file;
    });
    const out = await run(PYX12, paths, { maxBuffer: 16 * 1024 * 1024 }).catch(
      (e: { stdout?: string; stderr?: string; code?: number }) => ({
        stdout: `${e.stdout ?? ''}${e.stderr ?? ''} (exit ${e.code})`,
      }),
    );
    expect(out.stdout.trim().split('\n')).toEqual(paths.map((f) => `OK ${f}`));
  }, 300_000);
});
