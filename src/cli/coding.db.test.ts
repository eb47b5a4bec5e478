import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanclaimOnEmbedded } from './cli-testing.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { createUser } from '../auth/index.ts';
import { createAudit, enqueueChart, sendQuery, submitRecode, type CodedChart } from '../coding/index.ts';
import { migrateDatabase, openDatabase } from '../db/connection.ts';
import { seedDemo } from '../demo/seed.ts';
import { encounterIdsOf, loadEncounter } from '../encounters/index.ts';

// `cleanclaim coding queue|queries|audits` in a child process on an embedded database holding a
// queued chart, an open physician query and an audit whose one chart the auditor re-coded with a
// diagnosis more than the coder sent (under 95%: exit 1).
describe('cleanclaim coding queue, queries, audits', () => {
  const root = mkdtempSync(join(tmpdir(), 'cleanclaim-coding-'));
  const cleanclaim = cleanclaimOnEmbedded(root);
  let queryId: number;
  let auditId: number;

  beforeAll(async () => {
    const database = await openDatabase({ dataDir: join(root, 'db') });
    try {
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
      const { rows } = await database.sql.executeSql(
        'select id from coding_audit_chart where audit_id = $1',
        [auditId],
      );
      await submitRecode(
        db,
        [practiceId],
        Number(rows[0]!.id),
        recode,
        actor(auditorId),
        new Date('2026-11-15T12:00:00Z'),
      );
    } finally {
      await database.close();
    }
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('lists the queue and the open query', () => {
    const queue = cleanclaim('coding', 'queue');
    expect(queue.out).toContain('1 chart on the coding queue');
    expect(queue.out).toMatch(/em-visit {2}priority \d+ {2}query \(physician query\)/);
    expect(queue.code).toBe(0);
    const open = cleanclaim('coding', 'queries', 'list', '--state', 'open');
    expect(open.out).toContain(`#${queryId} open`);
    expect(open.out).toContain('2. Iron deficiency anemia');
    expect(open.code).toBe(0);
  }, 120_000);

  it('answers a query as the provider; refuses a coder and a second answer', () => {
    const byCoder = cleanclaim(
      'coding',
      'queries',
      'answer',
      String(queryId),
      '--as',
      'coder@demo.org',
      '--option',
      '1',
    );
    expect(byCoder.out).toContain('coder@demo.org is not a provider, manager or admin');
    expect(byCoder.code).toBe(1);
    const answered = cleanclaim(
      'coding',
      'queries',
      'answer',
      String(queryId),
      '--as',
      'dr@demo.org',
      '--option',
      '2',
    );
    expect(answered.out).toMatch(
      new RegExp(
        `query #${queryId} answered "Iron deficiency anemia" by Dr Ann Lee: the answer is addendum document \\d+`,
      ),
    );
    expect(answered.code).toBe(0);
    const again = cleanclaim(
      'coding',
      'queries',
      'answer',
      String(queryId),
      '--as',
      'dr@demo.org',
      '--option',
      '2',
    );
    expect(again.out).toContain('this query is answered');
    expect(again.code).toBe(1);
  }, 240_000);

  it('lists audits and scores one: under 95% is exit 1; an unknown audit is exit 1', () => {
    const list = cleanclaim('coding', 'audits', 'list');
    expect(list.out).toContain(`#${auditId} "November"`);
    expect(list.out).toContain('1 charts, 1 re-coded');
    const score = cleanclaim('coding', 'audits', 'score', String(auditId));
    expect(score.out).toContain('diagnosis-missing: coded nothing, the auditor "Z79.899"');
    expect(score.out).toMatch(/overall: 1 of 1 charts re-coded, \d+\.\d% \(\d+\/\d+\), under 95\.0%/);
    expect(score.code).toBe(1);
    const missing = cleanclaim('coding', 'audits', 'score', '99999');
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('audit');
  }, 240_000);
});
