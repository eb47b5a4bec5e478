// Charts for the coder in the demo: the synthetic office notes written for the suggestion benchmark
// (bench/coding/notes, see its README) put on the practice's latest visits and on the coding queue,
// so a fresh `npm start` has work in the coding workspace.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AuditActor } from '../audit/index.ts';
import { addNote } from '../charts/index.ts';
import { enqueueChart } from '../coding/index.ts';
import type { Database } from '../db/connection.ts';
import { encounterIdsOf } from '../encounters/index.ts';

const NOTES = fileURLToPath(new URL('../../bench/coding/notes', import.meta.url));

/** The benchmark's notes, in file order; none when the folder is not there (an installed copy). */
export function demoNoteTexts(folder = NOTES): string[] {
  try {
    return readdirSync(folder)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => readFileSync(`${folder}/${f}`, 'utf8'));
  } catch {
    return [];
  }
}

/** Puts a note on each of the practice's latest visits, one per note, and queues them; returns how many. */
export async function seedDemoCharts(
  database: Database,
  practiceId: number,
  actor: AuditActor,
  notes: readonly string[] = demoNoteTexts(),
): Promise<number> {
  const visits = (await encounterIdsOf(database.db, [practiceId])).slice(-notes.length);
  if (notes.length === 0 || visits.length === 0) return 0;
  await database.db.transaction(async (tx) => {
    for (const [i, encounterId] of visits.entries()) {
      await addNote(
        tx,
        practiceId,
        encounterId,
        { title: 'Progress note', kind: 'progress-note', text: notes[i]! },
        actor,
      );
      await enqueueChart(tx, practiceId, encounterId, 'em-visit', actor);
    }
  });
  return visits.length;
}
