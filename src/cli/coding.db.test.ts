import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanclaimOnEmbedded } from './cli-testing.ts';
import {
  auditsListCommand,
  auditsScoreCommand,
  queriesAnswerCommand,
  queriesListCommand,
  queueCommand,
} from './coding-review.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { createUser } from '../auth/index.ts';
import { createAudit, enqueueChart, sendQuery, submitRecode, type CodedChart } from '../coding/index.ts';
import { migrateDatabase, openDatabase, type Database } from '../db/connection.ts';
import { seedDemo } from '../demo/seed.ts';
import { encounterIdsOf, loadEncounter } from '../encounters/index.ts';

// `cleanclaim coding queue|queries|audits` on an embedded database holding a queued chart, an open physician query and an audit whose one chart the auditor re-coded with a
// diagnosis more than the coder sent (under 95%: exit 1).
describe('cleanclaim coding queue, queries, audits', () => {
  const root = mkdtempSync(join(tmpdir(), 'cleanclaim-coding-'));
  const cleanclaim = cleanclaimOnEmbedded(root);
  let queryId: number;
  let auditId: number;
  let database: Database;
  let open = true;

  beforeAll(async () => {
    database = await openDatabase({ dataDir: join(root, 'db') });
    await migrateDatabase(database);
    const db = database.db;
    const practiceId = await seedDemo(
      database,
      { seed: 4, patients: 2, encounters: 3, asOf: '2026-11-20' },
      SYSTEM_ACTOR,
      [],
    );
    const grant = (role: 'coder' | 'provider' | 'auditor') => [{ practiceId, role }];
    const password = 'a long test password';
    const coderId = await createUser(db, {
      email: 'coder@demo.org',
      name: 'Cody Coder',
      password,
      grants: grant('coder'),
    });
    await createUser(db, { email: 'dr@demo.org', name: 'Dr Ann Lee', password, grants: grant('provider') });
    const auditorId = await createUser(db, {
      email: 'aud@demo.org',
      name: 'Audrey',
      password,
      grants: grant('auditor'),
    });
    const actor = (userId: number) => ({ userId, userEmail: 'x@demo.org', ip: null });
    const [first, second] = await encounterIdsOf(db, [practiceId]);
    await enqueueChart(db, practiceId, first!, 'em-visit', SYSTEM_ACTOR);
    await enqueueChart(db, practiceId, second!, 'em-visit', SYSTEM_ACTOR);
    const query = await sendQuery(
      db,
      practiceId,
      first!,
      {
        question: 'Based on the clinical indicators below, please clarify the type of anemia.',
        clinicalIndicators: 'Hgb 7.9 g/dL; melena in the ED note.',
        options: ['Acute blood loss anemia', 'Iron deficiency anemia'],
      },
      actor(coderId),
    );
    queryId = query.id;
    // the second chart went to billing in November: what an audit samples
    await database.sql.executeSql(
      `update coding_chart set state = 'done', coder_id = $1, done_at = '2026-11-10T15:00:00Z' where encounter_id = $2`,
      [coderId, second],
    );
    const { audit } = await createAudit(
      db,
      practiceId,
      {
        name: 'November',
        sampling: 'random',
        criteria: {},
        percent: 100,
        periodFrom: '2026-11-01',
        periodTo: '2026-11-30',
      },
      actor(auditorId),
      7,
    );
    auditId = audit.id;
    const visit = (await loadEncounter(db, second!, [practiceId]))!;
    const recode: CodedChart = {
      diagnoses: [...visit.diagnoses, 'Z79.899'],
      lines: visit.serviceLines.map((l) => ({
        procedureCode: l.procedureCode,
        modifiers: l.modifiers,
        units: l.units,
        pointers: l.diagnosisPointers,
      })),
    };
    const { rows } = await database.sql.executeSql('select id from coding_audit_chart where audit_id = $1', [
      auditId,
    ]);
    await submitRecode(
      db,
      [practiceId],
      Number(rows[0]!.id),
      recode,
      actor(auditorId),
      new Date('2026-11-15T12:00:00Z'),
    );
  }, 120_000);
  afterAll(async () => {
    if (open) await database.close();
    rmSync(root, { recursive: true, force: true });
  });

  // the commands in this process first (quick), then the real cleanclaim once the database is closed
  it('lists the queue and the open query', async () => {
    const queue = await queueCommand(database.db, '2026-11-20', {});
    expect(queue.output).toContain('1 chart on the coding queue');
    expect(queue.output).toMatch(/em-visit {2}priority \d+ {2}query \(physician query\)/);
    const open = await queriesListCommand(database.db, { state: 'open' });
    expect(open.output).toContain(`#${queryId} open`);
    expect(open.output).toContain('2. Iron deficiency anemia');
  });

  it('answers a query as the provider; refuses a coder and a second answer', async () => {
    const answer = (as: string, option: string) =>
      queriesAnswerCommand(database.db, queryId, { as, option }, new Date('2026-11-21T10:00:00Z'));
    expect(await answer('coder@demo.org', '1')).toEqual({
      output:
        'coder@demo.org is not a provider, manager or admin of practice 1: only they answer its queries',
      exitCode: 1,
    });
    const answered = await answer('dr@demo.org', '2');
    expect(answered.output).toMatch(
      new RegExp(
        `query #${queryId} answered "Iron deficiency anemia" by Dr Ann Lee: the answer is addendum document \\d+`,
      ),
    );
    expect(answered.exitCode).toBe(0);
    expect(await answer('dr@demo.org', '2')).toEqual({
      output: 'CONFLICT: this query is answered',
      exitCode: 1,
    });
  });

  it('lists audits and scores one: under 95% is exit 1; an unknown audit is exit 1', async () => {
    const list = await auditsListCommand(database.db, {});
    expect(list.output).toContain(`#${auditId} "November"`);
    expect(list.output).toContain('1 charts, 1 re-coded');
    const score = await auditsScoreCommand(database.db, auditId, {});
    expect(score.output).toContain('diagnosis-missing: coded nothing, the auditor "Z79.899"');
    expect(score.output).toMatch(/overall: 1 of 1 charts re-coded, \d+\.\d% \(\d+\/\d+\), under 95\.0%/);
    expect(score.exitCode).toBe(1);
    expect(await auditsScoreCommand(database.db, 99_999, {})).toMatchObject({ exitCode: 1 });
  });

  it('the real cleanclaim: the queue (exit 0) and the audit under 95% (exit 1)', async () => {
    await database.close();
    open = false;
    const queue = cleanclaim('coding', 'queue', '--json');
    expect(queue.out).toContain('"total": 1');
    expect(queue.code).toBe(0);
    const score = cleanclaim('coding', 'audits', 'score', String(auditId));
    expect(score.out).toContain('under 95.0%');
    expect(score.code).toBe(1);
  }, 240_000);
});
