import type { Command } from 'commander';
import type { CodeView } from '../codesets/show.ts';
import { fiscalYearOf } from '../codesets/release/release.ts';
import type { CodeSystem } from '../codesets/release/release.ts';
import { todayIso } from '../shared/dates.ts';
import { registerCodeIndexCommand } from './codeIndex.ts';
import { registerCptImportCommand } from './cptImport.ts';

export function registerCodesetCommands(program: Command): void {
  const codesets = program
    .command('codesets')
    .description('official code set releases (ICD-10-CM/PCS, HCPCS, POS, CARC, TOB, taxonomy)');
  codesets
    .command('import <dir>')
    .description('import every release found in DIR (through the job queue); unchanged releases are skipped')
    .action(async (dir: string) => {
      const [{ loadConfig }, { openSystemDatabase, startQueue }] = await Promise.all([
        import('../server/config.ts'),
        import('../server/system.ts'),
      ]);
      const database = await openSystemDatabase(loadConfig());
      const queue = await startQueue(database, true);
      try {
        const id = await queue.enqueue('codesets.import', { dir }, { practiceId: null, requestedBy: null });
        console.log(`job ${id} queued: codesets.import ${dir}`);
        const result = await queue.waitFor('codesets.import', id, 3_600_000);
        const outcomes = (
          result.output as {
            outcomes?: { system: string; version: string; status: string; counts: Record<string, number> }[];
          } | null
        )?.outcomes;
        for (const o of outcomes ?? [])
          console.log(
            `${o.status.padEnd(9)} ${o.system} ${o.version}  ${Object.entries(o.counts)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ')}`,
          );
        if (result.state !== 'completed') {
          console.error(`import ${result.state}: ${JSON.stringify(result.output)}`);
          process.exitCode = 1;
        }
      } finally {
        await queue.stop();
        await database.close();
      }
    });
  codesets
    .command('download')
    .description(
      'fetch the official release ZIPs from CMS into a folder (then: cleanclaim codesets import DIR)',
    )
    .option(
      '--year <fy>',
      'ICD-10 fiscal year (HCPCS: the January file of that year)',
      String(fiscalYearOf(todayIso())),
    )
    .option('--dir <dir>', 'folder to extract into', './codesets')
    .option('--base-url <url>', 'a mirror of https://www.cms.gov/files/zip/')
    .action(async (opts: { year: string; dir: string; baseUrl?: string }) => {
      const { downloadCodesets } = await import('../codesets/download/download.ts');
      let last = '';
      const result = await downloadCodesets({
        fiscalYear: Number(opts.year),
        dir: opts.dir,
        ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}),
        onProgress: (zip, received, total) => {
          const line = `${zip}: ${total ? `${Math.floor((received / total) * 100)}%` : `${(received / 1e6).toFixed(1)} MB`}`;
          if (line !== last) process.stderr.write(`\r${(last = line)}`);
        },
      });
      process.stderr.write('\n');
      for (const f of result.files) console.log(`${f.sha256}  ${f.bytes.toString().padStart(10)}  ${f.path}`);
      for (const f of result.failed) console.error(`failed: ${f.zip}: ${f.error}`);
      console.log(`checksums recorded in ${opts.dir}/MANIFEST-${opts.year}.json`);
      if (result.files.length === 0) process.exitCode = 1;
    });
  codesets
    .command('import-ncci <dir>')
    .description(
      'import CMS NCCI PTP (ccipra*/ccioph* .txt) and MUE files, and the MPFS relative value file (PPRRVU*.csv, global surgery days), for a quarter; each file is checked whole first',
    )
    .requiredOption('--quarter <q>', 'the quarter the files apply from, e.g. 2026Q4')
    .action(async (dir: string, opts: { quarter: string }) => {
      const [{ importNcciDirectory }, { describeLocation }, { SYSTEM_ACTOR }] = await Promise.all([
        import('../scrubber/index.ts'),
        import('../shared/problem.ts'),
        import('../audit/index.ts'),
      ]);
      const { withDatabase } = await import('./database.ts');
      await withDatabase(async (database) => {
        const outcomes = await importNcciDirectory(database, dir, opts.quarter, SYSTEM_ACTOR);
        if (outcomes.length === 0)
          console.log(
            'no NCCI files found (ccipra*, ccioph*, *mue*practitioner*, *mue*outpatient*, *mue*dme*, PPRRVU*.csv)',
          );
        for (const o of outcomes) {
          console.log(`${o.status.padEnd(9)} ${o.file}  ${o.rows} rows`);
          for (const p of o.problems.slice(0, 10))
            console.log(`  ${p.severity} ${p.code} ${describeLocation(p)}: ${p.message}`);
        }
        if (outcomes.some((o) => o.status === 'failed')) process.exitCode = 1;
      });
    });
  codesets
    .command('list')
    .description('imported releases with effective dates and counts')
    .action(async () => {
      const { storedReleases } = await import('../codesets/storage/load.ts');
      const { withDatabase } = await import('./database.ts');
      await withDatabase(async (database) => {
        const releases = await storedReleases(database.db);
        if (releases.length === 0) console.log('no releases imported: cleanclaim codesets import DIR');
        for (const r of releases) {
          const span = `${r.release.effectiveFrom} – ${r.release.effectiveThrough ?? 'until superseded'}`;
          console.log(
            `${r.release.system.padEnd(24)} ${r.release.version.padEnd(9)} ${span.padEnd(26)} ${Object.entries(
              r.counts,
            )
              .map(([k, v]) => `${k} ${v}`)
              .join(', ')}`,
          );
        }
      });
    });

  registerCptImportCommand(codesets);

  const code = program.command('code').description('look codes up in the imported releases');
  registerCodeIndexCommand(code);
  code
    .command('show <code>')
    .description('a code on a date of service: system, description, billable or header, notes, parents')
    .option('--dos <date>', 'date of service (YYYY-MM-DD)', todayIso())
    .option('--system <system>', 'ICD-10-CM, ICD-10-PCS, HCPCS or CPT (guessed from the code otherwise)')
    .option('--json', 'print JSON')
    .action(async (raw: string, opts: { dos: string; system?: CodeSystem; json?: boolean }) => {
      const { showCode } = await import('../codesets/show.ts');
      const { withTables } = await import('./database.ts');
      await withTables(async (catalog) => {
        const view = showCode(raw, opts.dos, catalog.codeTables()!, opts.system);
        console.log(opts.json ? JSON.stringify(view, null, 2) : describe(view, opts.dos));
      });
    });
  code
    .command('validate <codes...>')
    .description('valid or not, and why, for each code; exit code 0 only when all are valid')
    .option('--dos <date>', 'date of service (YYYY-MM-DD)', todayIso())
    .option('--system <system>', 'ICD-10-CM, ICD-10-PCS, HCPCS or CPT (guessed from each code otherwise)')
    .option('--json', 'print JSON')
    .action(async (codes: string[], opts: { dos: string; system?: CodeSystem; json?: boolean }) => {
      const { showCode } = await import('../codesets/show.ts');
      const { withTables } = await import('./database.ts');
      await withTables(async (catalog) => {
        const views = codes.map((c) => showCode(c, opts.dos, catalog.codeTables()!, opts.system));
        if (opts.json) console.log(JSON.stringify(views, null, 2));
        else
          for (const v of views)
            console.log(
              `${v.valid ? 'valid  ' : 'INVALID'} ${v.system.padEnd(10)} ${v.display.padEnd(9)} ${v.valid ? (v.description ?? '') : v.problems.map((p) => p.message).join('; ')}${completions(v)}`,
            );
        if (!views.every((v) => v.valid)) process.exitCode = 1;
      });
    });
  code
    .command('search <query...>')
    .description('search codes, descriptions, inclusion and index terms')
    .option('--dos <date>', 'date of service (YYYY-MM-DD)', todayIso())
    .option('--system <system>', 'icd10cm, icd10pcs, hcpcs (or the full name, e.g. ICD-10-CM)')
    .option('--limit <n>', 'results', '20')
    .option('--json', 'print JSON')
    .action(
      async (words: string[], opts: { dos: string; system?: string; limit: string; json?: boolean }) => {
        const { withTables } = await import('./database.ts');
        await withTables(async (catalog) => {
          const system =
            opts.system &&
            (SYSTEM_NAMES[opts.system.toLowerCase()] ?? (opts.system.toUpperCase() as CodeSystem));
          const hits = await catalog.search(words.join(' '), opts.dos, {
            limit: Number(opts.limit),
            ...(system ? { systems: [system] } : {}),
          });
          if (opts.json) return console.log(JSON.stringify(hits, null, 2));
          if (hits.length === 0)
            console.log(
              'no matches (a main alphabetic index, when imported, adds synonyms such as "heart attack")',
            );
          for (const hit of hits) {
            const via = hit.via === 'index term' || hit.via === 'inclusion term' ? `  (${hit.via})` : '';
            console.log(
              `${hit.display.padEnd(9)} ${hit.system.padEnd(10)} ${hit.billable ? ' ' : 'H'} ${hit.title}${via}`,
            );
          }
        });
      },
    );
}

const SYSTEM_NAMES: Record<string, CodeSystem> = {
  icd10cm: 'ICD-10-CM',
  icd10pcs: 'ICD-10-PCS',
  hcpcs: 'HCPCS',
  cpt: 'CPT',
};

function completions(v: CodeView): string {
  if (!v.completions?.length) return '';
  const more = (v.completionCount ?? 0) > v.completions.length ? ` … (${v.completionCount} in all)` : '';
  return `\n          complete with: ${v.completions.map((c) => c.code).join(', ')}${more}`;
}

function describe(v: CodeView, dos: string): string {
  const lines = [`${v.display}  ${v.system}${v.release ? ` ${v.release}` : ''}  (date of service ${dos})`];
  if (v.description) lines.push(v.description);
  lines.push(
    v.valid
      ? v.billable === false
        ? 'header: not billable'
        : 'valid'
      : `not valid: ${v.problems.map((p) => p.message).join('; ')}`,
  );
  if (v.valid) for (const p of v.problems) lines.push(`note: ${p.message}`);
  for (const p of v.parents) lines.push(`  under ${p.code} ${p.description}`);
  if (v.notes === 'tabular notes not imported') lines.push('notes: tabular notes not imported');
  else for (const n of v.notes) lines.push(`  ${n.kind} (${n.source}): ${n.text}`);
  return lines.join('\n') + completions(v);
}
