/**
 * A licensed user's AMA CPT data file, imported as the CPT release of a year. The file is read
 * whole first and refused with every problem (file, line, why) before anything is written; then
 * it is stored like any release (one active release per year, replaced when the file changes).
 */
import type { AuditActor } from '../../audit/index.ts';
import type { Database } from '../../db/connection.ts';
import { readCptFile } from '../cpt/importCptFile.ts';
import type { CodesetProblem } from '../problems.ts';
import { cptYear } from '../release/release.ts';
import { importRelease, type ImportOutcome } from './import.ts';

export interface CptImportOutcome extends ImportOutcome {
  /** the problems that refused the file (empty when imported) */
  problems: CodesetProblem[];
  layout?: string;
}

export async function importCptRelease(
  database: Database,
  file: string,
  year: number,
  actor: AuditActor,
): Promise<CptImportOutcome> {
  const release = cptYear(year);
  const parsed = await readCptFile(file);
  if (parsed.problems.length > 0)
    return {
      system: 'CPT',
      version: release.version,
      status: 'failed',
      counts: {},
      error: `${parsed.problems.length} problem(s) in the CPT file; nothing imported`,
      problems: parsed.problems,
    };
  const outcome = await importRelease(database, { release, files: [{ path: file, role: 'cpt' }] }, actor);
  return { ...outcome, problems: [], ...(parsed.layout ? { layout: parsed.layout } : {}) };
}
