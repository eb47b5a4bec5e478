import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { openTestDatabase } from '../db/testing.ts';
import { demoNoteTexts, seedDemoCharts } from './charts.ts';
import { seedDemo } from './seed.ts';

describe('demo charts', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let practiceId: number;
  beforeAll(async () => {
    database = await openTestDatabase();
    practiceId = await seedDemo(
      database,
      { seed: 5, patients: 4, encounters: 6, asOf: '2026-11-20' },
      SYSTEM_ACTOR,
      [],
    );
  });
  afterAll(() => database.close());

  it("puts the benchmark's notes on the latest visits and queues them for coding", async () => {
    const notes = demoNoteTexts();
    expect(notes.length).toBeGreaterThanOrEqual(6);
    expect(await seedDemoCharts(database, practiceId, SYSTEM_ACTOR, notes.slice(0, 3))).toBe(3);
    const { rows } = await database.sql.executeSql(
      `select c.encounter_id, c.state, count(d.id)::int as notes
         from coding_chart c join chart_document d on d.encounter_id = c.encounter_id
        where c.practice_id = $1 group by c.encounter_id, c.state order by c.encounter_id`,
      [practiceId],
    );
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.state === 'queued' && r.notes === 1)).toBe(true);
  });

  it('does nothing without notes', async () => {
    expect(await seedDemoCharts(database, practiceId, SYSTEM_ACTOR, [])).toBe(0);
  });
});
