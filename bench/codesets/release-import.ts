// A full release (the newest ICD-10-CM with its indexes and POA lists, ICD-10-PCS and HCPCS)
// imported into an empty in-memory PGlite the way `codesets import` does it, search index
// included; then exact validations per second over the loaded tables. Peak memory is the
// process's maximum RSS so far (the search part runs after it).
import { performance } from 'node:perf_hooks';
import { SYSTEM_ACTOR } from '../../src/audit/store.ts';
import type { CodeTables, DetectedRelease } from '../../src/codesets/index.ts';
import { importRelease, refreshSearchIndexes } from '../../src/codesets/storage/import.ts';
import { validateCode } from '../../src/codesets/validate/validateCode.ts';
import { migrateDatabase, openDatabase } from '../../src/db/connection.ts';

export async function runReleaseImport(current: DetectedRelease[]): Promise<void> {
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrateDatabase(database);
  const t0 = performance.now();
  for (const r of current) await importRelease(database, r, SYSTEM_ACTOR);
  await refreshSearchIndexes(database);
  const seconds = (performance.now() - t0) / 1000;
  await database.close();
  const label = current.map((r) => `${r.release.system} ${r.release.version}`).join(', ');
  console.log(
    `\n## Full release import\n\n${label} into PGlite with the search index: ${seconds.toFixed(1)} s (target under 60 s), peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB\n`,
  );
}

/** Validations per second of real codes of each system on a date of service inside the releases. */
export function runValidations(tables: CodeTables, dos: string): void {
  const cm = tables.icd10cm[0];
  const sample = <T>(items: T[], n: number) =>
    items.filter((_, i) => i % Math.max(1, Math.floor(items.length / n)) === 0);
  const codes: ['ICD-10-CM' | 'ICD-10-PCS' | 'HCPCS', string][] = [
    ...sample(cm?.sorted ?? [], 20_000).map((c) => ['ICD-10-CM', c] as const),
    ...sample([...(tables.icd10pcs[0]?.codes.keys() ?? [])], 10_000).map((c) => ['ICD-10-PCS', c] as const),
    ...sample([...(tables.hcpcs[0]?.procedures.keys() ?? [])], 5_000).map((c) => ['HCPCS', c] as const),
  ] as ['ICD-10-CM' | 'ICD-10-PCS' | 'HCPCS', string][];
  let valid = 0;
  const t0 = performance.now();
  for (let round = 0; round < 5; round++)
    for (const [system, code] of codes) if (validateCode(system, code, dos, tables).valid) valid++;
  const ms = performance.now() - t0;
  const n = codes.length * 5;
  console.log(
    `## Validations\n\n${n} validations (ICD-10-CM, ICD-10-PCS, HCPCS codes on ${dos}, ${valid} valid): ${Math.round((n / ms) * 1000).toLocaleString('en-US')} per second\n`,
  );
}
