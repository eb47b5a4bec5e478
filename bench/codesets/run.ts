/**
 * Code-set benchmark: import throughput for each real file in the shared folder, search index
 * build time, and search latency (p50/p99) over a fixed query list. If a general-purpose search
 * library (minisearch or flexsearch) is installed, the same queries run through it for a ratio;
 * otherwise that part is skipped with a message. Run: npm run bench:codesets [-- <codeset dir>]
 * With --startup [--data-dir DIR], times what a server pays before its first search instead
 * (startup.ts): loading the tables and the first search with and without a stored search index.
 */
import { stat } from 'node:fs/promises';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  buildSearchIndex,
  importAlphabeticIndex,
  cmDocuments,
  conceptDocuments,
  importFshCodeSystem,
  importNuccTaxonomy,
  importPcsIndex,
  pcsIndexDocuments,
  detectReleases,
  defaultCodesetDir,
  hcpcsDocuments,
  indexTermDocuments,
  loadCodeTables,
  pcsDocuments,
  search,
} from '../../src/codesets/index.ts';
import type { SearchDoc } from '../../src/codesets/index.ts';
import { IMPORTERS } from '../../src/codesets/load/importers.ts';
import { QUERIES } from './queries.ts';
import { runPeer } from './peer.ts';
import { runStartup } from './startup.ts';
import { runReleaseImport, runValidations } from './release-import.ts';
import { deserializeSearchIndex, serializeSearchIndex } from '../../src/codesets/search/serialize.ts';

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function args() {
  const argv = process.argv.slice(2);
  const dataDir = argv.indexOf('--data-dir');
  const value = dataDir >= 0 ? argv.splice(dataDir, 2)[1] : undefined;
  const startup = argv.indexOf('--startup');
  if (startup >= 0) argv.splice(startup, 1);
  return { dir: argv[0] ?? defaultCodesetDir(), startup: startup >= 0, dataDir: value };
}

async function main() {
  const { dir, startup, dataDir } = args();
  if (startup) return runStartup(dir, dataDir);
  console.log(
    `# cleanclaim code-set benchmark\nnode ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), dir ${dir}\n`,
  );
  const releases = await detectReleases(dir);
  console.log(
    '## Import throughput\n\n| file | records | ms | records/s | MB/s (on disk) |\n|---|---:|---:|---:|---:|',
  );
  for (const r of releases) {
    for (const f of r.files) {
      const run = IMPORTERS[f.role](r.release.system);
      if (!run) continue;
      const bytes = (await stat(f.path)).size;
      const t0 = performance.now();
      let n = 0;
      for await (const _ of run(f.path)) n++;
      const ms = performance.now() - t0;
      const name = f.path.slice(dir.length + 1);
      console.log(
        `| ${name} | ${n} | ${ms.toFixed(0)} | ${Math.round((n / ms) * 1000)} | ${(bytes / 1e6 / (ms / 1000)).toFixed(1)} |`,
      );
    }
  }
  const current = releases.filter((r) =>
    ['ICD-10-CM|2026', 'ICD-10-PCS|2026', 'HCPCS|2026-JAN'].includes(
      `${r.release.system}|${r.release.version}`,
    ),
  );
  await runReleaseImport(current);
  const tables = await loadCodeTables(current);
  runValidations(tables, '2026-03-15');
  const cm = tables.icd10cm[0];
  const docs: SearchDoc[] = [];
  if (cm) docs.push(...cmDocuments(cm));
  for (const t of tables.icd10pcs) docs.push(...pcsDocuments(t));
  for (const t of tables.hcpcs) docs.push(...hcpcsDocuments(t));
  const cm26 = current.find((r) => r.release.system === 'ICD-10-CM');
  for (const f of cm26?.files ?? []) {
    if (['drug-table', 'neoplasm-table', 'external-cause-index', 'index'].includes(f.role)) {
      docs.push(...indexTermDocuments(await all(importAlphabeticIndex(f.path)), cm));
    }
  }
  const pcsIndex = releases.find(
    (r) => r.release.system === 'ICD-10-PCS' && r.files.some((f) => f.role === 'index'),
  );
  const pcsIndexFile = pcsIndex?.files.find((f) => f.role === 'index')?.path;
  if (pcsIndexFile)
    docs.push(...pcsIndexDocuments(await all(importPcsIndex(pcsIndexFile)), tables.icd10pcs[0]));
  for (const r of releases) {
    const f = r.files[0];
    if (f?.role === 'code-system')
      docs.push(...conceptDocuments(r.release.system, await all(importFshCodeSystem(f.path))));
    if (f?.role === 'taxonomy') {
      const nucc = await all(importNuccTaxonomy(f.path));
      docs.push(
        ...conceptDocuments(
          'NUCC-TAXONOMY',
          nucc.map((t) => ({ code: t.code, display: t.displayName })),
        ),
      );
    }
  }
  const t0 = performance.now();
  const index = buildSearchIndex(docs);
  const buildMs = performance.now() - t0;
  console.log(
    `\n## Search\n\n${index.docs.length} entries, ${index.vocab.length} distinct words, index built in ${buildMs.toFixed(0)} ms (heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB)\n`,
  );
  const s0 = performance.now();
  const stored = serializeSearchIndex(index);
  const s1 = performance.now();
  deserializeSearchIndex(stored);
  console.log(
    `stored form (what the import writes to code_search_index): ${(stored.length / 1e6).toFixed(1)} MB Brotli, serialized in ${(s1 - s0).toFixed(0)} ms, loaded in ${(performance.now() - s1).toFixed(0)} ms (vs ${buildMs.toFixed(0)} ms to build)\n`,
  );
  // warm up (JIT) and let the collector finish with the build's garbage before timing
  for (let r = 0; r < 20; r++) for (const q of QUERIES) search(index, q);
  (globalThis as { gc?: () => void }).gc?.();
  const rounds = 50;
  const times: number[] = [];
  const perQuery = new Map<string, number[]>(QUERIES.map((q) => [q, []]));
  for (let r = 0; r < rounds; r++) {
    for (const q of QUERIES) {
      const s = performance.now();
      search(index, q);
      const ms = performance.now() - s;
      times.push(ms);
      perQuery.get(q)?.push(ms);
    }
  }
  const slowest = [...perQuery]
    .map(([q, ts]) => [q, ts.sort((a, b) => a - b)[ts.length >> 1] ?? 0] as const)
    .sort((a, b) => b[1] - a[1]);
  console.log(
    `slowest queries by median: ${slowest
      .slice(0, 5)
      .map(([q, ms]) => `"${q}" ${(ms * 1000).toFixed(0)} µs`)
      .join(', ')}`,
  );
  times.sort((a, b) => a - b);
  const ours = { p50: pct(times, 50), p99: pct(times, 99) };
  console.log(
    `cleanclaim search: ${QUERIES.length} queries x ${rounds} rounds: p50 ${(ours.p50 * 1000).toFixed(0)} µs, p99 ${(ours.p99 * 1000).toFixed(0)} µs, max ${(times[times.length - 1]! * 1000).toFixed(0)} µs`,
  );
  await runPeer(docs, QUERIES, rounds, ours);
}

await main();
