/**
 * Coding-suggestion benchmark: the suggester against synthetic notes with gold codes (written for
 * this project, see README.md here). Precision, recall and F1 at code and at category (first three
 * characters) level for ICD-10-CM, E/M level agreement, and milliseconds per note (p50/p99).
 * Run: npm run bench:coding [-- <codeset dir>]. Needs ../shared/codesets (the FY2026 order file).
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  defaultCodesetDir,
  detectReleases,
  loadCodeTables,
  selectRelease,
} from '../../src/codesets/index.ts';
import { buildPhraseIndex, suggestCodes } from '../../src/coding/suggest/index.ts';
import { score, type Scored } from './score.ts';

interface GoldNote {
  icd10cm: string[];
  em?: string;
  sex?: 'F' | 'M';
  age?: number;
}

const ROUNDS = 20;
const here = path.dirname(fileURLToPath(import.meta.url));

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const f3 = (n: number) => n.toFixed(3);
const line = (name: string, s: Scored) =>
  `${name.padEnd(9)} precision ${f3(s.precision)}  recall ${f3(s.recall)}  F1 ${f3(s.f1)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;

async function main() {
  const dir = process.argv[2] ?? defaultCodesetDir();
  const gold = JSON.parse(await readFile(path.join(here, 'gold.json'), 'utf8')) as {
    dateOfService: string;
    notes: Record<string, GoldNote>;
  };
  const dos = gold.dateOfService;
  const releases = (await detectReleases(dir)).filter((r) => r.release.system === 'ICD-10-CM');
  const ref = selectRelease(releases, dos);
  if (!ref) throw new Error(`no ICD-10-CM release in force on ${dos} in ${dir}`);
  const [table] = (await loadCodeTables([ref])).icd10cm;
  if (!table) throw new Error('the ICD-10-CM order file did not load');
  let t0 = performance.now();
  const index = buildPhraseIndex(table);
  const buildMs = performance.now() - t0;

  const notes = await Promise.all(
    Object.entries(gold.notes).map(async ([file, g]) => ({
      file,
      gold: g,
      text: await readFile(path.join(here, 'notes', file), 'utf8'),
    })),
  );
  for (const n of notes)
    for (const c of n.gold.icd10cm)
      if (!table.codes.get(c)?.billable)
        console.warn(`gold code ${c} of ${n.file} is not billable in ${ref.release.version}`);

  const run = (n: (typeof notes)[number]) =>
    suggestCodes(index, {
      text: n.text,
      dateOfService: dos,
      ...(n.gold.sex ? { sex: n.gold.sex } : {}),
      ...(n.gold.age !== undefined ? { age: n.gold.age } : {}),
    });
  for (let i = 0; i < 3; i++) for (const n of notes) run(n); // warm up
  // each note ROUNDS times, so p99 is a percentile of many runs rather than the one slowest note
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++)
    for (const n of notes) {
      t0 = performance.now();
      run(n);
      times.push(performance.now() - t0);
    }
  const predicted: string[][] = [];
  const em: { gold?: string; got?: string }[] = [];
  const misses: string[] = [];
  for (const n of notes) {
    const r = run(n);
    const codes = r.suggestions.filter((s) => s.system === 'ICD-10-CM').map((s) => s.code);
    const level = r.suggestions.find((s) => s.system === 'CPT')?.code;
    predicted.push(codes);
    em.push({ ...(n.gold.em ? { gold: n.gold.em } : {}), ...(level ? { got: level } : {}) });
    const extra = codes.filter((c) => !n.gold.icd10cm.includes(c));
    const missed = n.gold.icd10cm.filter((c) => !codes.includes(c));
    if (extra.length || missed.length || n.gold.em !== level)
      misses.push(
        `  ${n.file}: missed [${missed.join(' ')}] extra [${extra.join(' ')}]${n.gold.em !== level ? ` E/M ${level ?? '-'} (gold ${n.gold.em ?? '-'})` : ''}`,
      );
  }
  times.sort((a, b) => a - b);
  const goldCodes = notes.map((n) => n.gold.icd10cm);
  const code = score(goldCodes, predicted, (c) => c);
  const category = score(goldCodes, predicted, (c) => c.slice(0, 3));
  const emRight = em.filter((e) => e.gold === e.got).length;

  console.log(`# cleanclaim coding-suggestion benchmark
node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os.loadavg()[0]?.toFixed(1)}
ICD-10-CM ${ref.release.version} (${table.codes.size} codes, tabular ${table.tabular ? 'loaded' : 'not held'}), ${notes.length} synthetic notes, date of service ${dos}
phrase index built in ${buildMs.toFixed(0)} ms

ICD-10-CM
${line('code', code)}
${line('category', category)}
E/M level  ${emRight}/${em.length} notes agree with the gold level (or both propose none)
time per note (${times.length} runs)  p50 ${pct(times, 50).toFixed(2)} ms  p99 ${pct(times, 99).toFixed(2)} ms  max ${times[times.length - 1]?.toFixed(2)} ms
targets: category recall >= 0.8 ${category.recall >= 0.8 ? 'met' : 'NOT met'}; p99 < 50 ms ${pct(times, 99) < 50 ? 'met' : 'NOT met'}

Differences from gold:
${misses.join('\n') || '  none'}`);
}

await main();
