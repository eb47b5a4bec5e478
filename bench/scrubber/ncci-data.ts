/**
 * Synthetic NCCI data of realistic size, in the official CMS layouts, so the PTP and MUE tables
 * can be loaded and timed at scale without shipping CMS files: a practitioner PTP file of about
 * 1.5 million active pairs (plus deleted and superseded rows, as real files carry) and a
 * practitioner MUE file of about 12,000 codes. Deterministic from a seed; codes have the real
 * shapes (CPT 5 digits, Category III ####T, HCPCS Level II A####). Values are random, not CMS's.
 *
 * Run: node --expose-gc --import tsx bench/scrubber/ncci-data.ts   (files go to bench/.cache/ncci)
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { createRandom } from '../../src/demo/random.ts';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  checkMue,
  checkPtp,
  loadMueQuarter,
  loadPtpTable,
  mueFor,
  ptpEdit,
  ptpTableBytes,
} from '../../src/scrubber/ncci/index.ts';
import type { MueTable, PtpTable, ServiceLine } from '../../src/scrubber/ncci/index.ts';

export interface SyntheticOptions {
  seed?: number;
  /** active PTP pairs to write (default 1,500,000) */
  activePairs?: number;
  /** codes in the MUE file (default 12,000) */
  mueCodes?: number;
}

export interface SyntheticFiles {
  ptpFile: string;
  mueFile: string;
  ptpRows: number;
  activePairs: number;
  mueRows: number;
  /** the code universe, for building lookups and claims */
  codes: string[];
}

/** The demo's seeded generator: the same seed gives the same tables. */
export const prng = (seed: number): (() => number) => createRandom(seed).next;

/** About n distinct codes of the real shapes, sorted as CMS sorts them (by character). */
export function codeUniverse(n: number, rand: () => number): string[] {
  const set = new Set<string>();
  const letters = 'ABCEGHJKLPQRSTV';
  while (set.size < n) {
    const r = rand();
    const num = Math.floor(rand() * 10000);
    if (r < 0.8) set.add(String(10000 + Math.floor(rand() * 90000)));
    else if (r < 0.85) set.add(`${String(num).padStart(4, '0')}T`);
    else set.add(`${letters[Math.floor(rand() * letters.length)]}${String(num).padStart(4, '0')}`);
  }
  return [...set].sort();
}

const COPYRIGHT =
  'CPT codes, descriptions and other data only are copyright 2025 American Medical Association. All Rights Reserved.\r\n' +
  'Applicable FARS/HHSARS apply.\r\n\r\n';
const PTP_HEADER =
  'Column 1\tColumn 2\t"*=in existence prior to 1996"\tEffective Date\tDeletion Date *=no data\tModifier 0=not allowed 1=allowed 9=not applicable\tPTP Edit Rationale\r\n';
const RATIONALES = [
  'Misuse of column two code with column one code',
  'Standards of medical / surgical practice',
  'CPT Manual or CMS manual coding instructions',
  'Mutually exclusive procedures',
  'More extensive procedure',
  'HCPCS/CPT procedure code definition',
  'CPT separate procedure definition',
  'Laboratory panel',
];
const MUE_RATIONALES = [
  'Anatomic Consideration',
  'CMS Policy',
  'Clinical: Data',
  'Nature of Service/Procedure',
  'Code Descriptor / CPT Instruction',
];
const MAI = ['1 Line Edit', '2 Date of Service Edit: Policy', '3 Date of Service Edit: Clinical'];

async function writeAll(
  file: string,
  produce: (push: (s: string) => Promise<void>) => Promise<void>,
): Promise<void> {
  const out = createWriteStream(file);
  let buf = '';
  await produce(async (s) => {
    buf += s;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  });
  out.end(buf);
  await once(out, 'finish');
}

/** Writes the synthetic PTP and MUE files to dir (created if missing). */
export async function writeSyntheticNcciFiles(
  dir: string,
  options: SyntheticOptions = {},
): Promise<SyntheticFiles> {
  const rand = prng(options.seed ?? 20261102);
  const activeTarget = options.activePairs ?? 1_500_000;
  const mueCount = options.mueCodes ?? 12_000;
  await mkdir(dir, { recursive: true });
  const codes = codeUniverse(Math.max(mueCount, 16_000), rand);
  const ptpFile = path.join(dir, 'ccipra-synthetic-f1.txt');
  const mueFile = path.join(dir, 'mue-practitioner-synthetic.txt');
  let ptpRows = 0;
  let active = 0;
  // ~11,000 column 1 codes with a skewed number of column 2 codes each, ~10% of rows deleted.
  const column1 = codes.filter(() => rand() < 0.7);
  const meanPerCode = activeTarget / 0.9 / column1.length;
  await writeAll(ptpFile, async (push) => {
    await push(COPYRIGHT + PTP_HEADER);
    for (const c1 of column1) {
      if (active >= activeTarget) break;
      const k = Math.min(codes.length - 1, Math.max(1, Math.round(-Math.log(1 - rand()) * meanPerCode)));
      const picks = new Set<number>();
      while (picks.size < k) picks.add(Math.floor(rand() * codes.length));
      for (const idx of [...picks].sort((a, b) => a - b)) {
        const c2 = codes[idx]!;
        if (c2 === c1) continue;
        const year = 1996 + Math.floor(rand() * 30);
        const eff = `${year}${['0101', '0401', '0701', '1001'][Math.floor(rand() * 4)]}`;
        const prior = year === 1996 && rand() < 0.5 ? '*' : ' ';
        const mi = rand() < 0.6 ? '1' : '0';
        const why = RATIONALES[Math.floor(rand() * RATIONALES.length)]!;
        const deleted = rand() < 0.1;
        if (!deleted && rand() < 0.03 && year > 1997) {
          // an older version of the same pair, superseded when the current one took effect
          await push(`${c1}\t${c2}\t \t${year - 1}0101\t${eff}\t${mi === '1' ? '0' : '1'}\t${why}\r\n`);
          ptpRows++;
        }
        const del = deleted ? `${Math.min(2026, year + 1 + Math.floor(rand() * 5))}0101` : '*';
        await push(
          `${c1}\t${c2}\t${prior}\t${eff}\t${del}\t${deleted && rand() < 0.3 ? '9' : mi}\t${why}\r\n`,
        );
        ptpRows++;
        if (!deleted) active++;
      }
    }
  });
  const mueCodes = codes
    .filter((_, i) => i % Math.max(1, Math.floor(codes.length / mueCount)) === 0)
    .slice(0, mueCount);
  await writeAll(mueFile, async (push) => {
    await push(
      COPYRIGHT +
        'HCPCS/CPT Code\tPractitioner Services MUE Values\tMUE Adjudication Indicator\tMUE Rationale\r\n',
    );
    for (const code of mueCodes) {
      const value = Math.floor(-Math.log(1 - rand()) * 4);
      await push(
        `${code}\t${value}\t${MAI[Math.floor(rand() * 3)]}\t${MUE_RATIONALES[Math.floor(rand() * MUE_RATIONALES.length)]}\r\n`,
      );
    }
  });
  return { ptpFile, mueFile, ptpRows, activePairs: active, mueRows: mueCodes.length, codes };
}

/** Full collection, twice with a turn between, so freed ArrayBuffers leave `arrayBuffers` too. */
async function gc(): Promise<void> {
  const run = (globalThis as { gc?: () => void }).gc;
  if (!run) return;
  run();
  await new Promise((r) => setTimeout(r, 50));
  run();
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function heap(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Synthetic claims of 1-8 lines on one date, codes drawn from the universe and from real pairs. */
function claims(n: number, codes: string[], table: PtpTable, rand: () => number): ServiceLine[][] {
  const col1 = [...table.groups.keys()];
  const out: ServiceLine[][] = [];
  for (let i = 0; i < n; i++) {
    const size = 1 + Math.floor(rand() * 8);
    const lines: ServiceLine[] = [];
    for (let l = 1; l <= size; l++) {
      const code =
        l === 1 ? col1[Math.floor(rand() * col1.length)]! : codes[Math.floor(rand() * codes.length)]!;
      lines.push({
        lineNumber: l,
        procedureCode: code,
        modifiers: rand() < 0.2 ? ['XS'] : [],
        units: 1 + Math.floor(rand() * 3),
        serviceDate: '2026-11-02',
      });
    }
    out.push(lines);
  }
  return out;
}

/** Loads the files, then prints load time, memory, lookups/s and claims checked per second. */
export async function timeNcciTables(
  files: SyntheticFiles,
  log: (s: string) => void = console.log,
): Promise<{ ptp: PtpTable; mue: MueTable }> {
  const size = (await stat(files.ptpFile)).size;
  await gc();
  const before = heap();
  let t = performance.now();
  const loaded = await loadPtpTable(files.ptpFile, { setting: 'practitioner', expectedRows: files.ptpRows });
  const loadMs = performance.now() - t;
  await gc();
  const after = heap();
  const ptp = loaded.table;
  log(
    `PTP file: ${files.ptpRows.toLocaleString()} rows (${files.activePairs.toLocaleString()} active pairs), ${mb(size)}, ${loaded.problems.length} problems`,
  );
  log(
    `PTP load: ${(loadMs / 1000).toFixed(2)} s (${Math.round(files.ptpRows / (loadMs / 1000)).toLocaleString()} rows/s)`,
  );
  log(
    `PTP table: ${mb(after - before)} retained (typed arrays ${mb(ptpTableBytes(ptp))}, ${((after - before) / ptp.size).toFixed(1)} bytes/edit, ${ptp.groups.size.toLocaleString()} column 1 codes)`,
  );

  t = performance.now();
  const mue = (await loadMueQuarter(files.mueFile, { setting: 'practitioner', quarter: '2026Q4' })).table;
  log(`MUE load: ${files.mueRows.toLocaleString()} codes in ${(performance.now() - t).toFixed(0)} ms`);

  const rand = prng(7);
  const col1 = [...ptp.groups.keys()];
  const queries: [string, string][] = [];
  for (let i = 0; i < 1_000_000; i++) {
    queries.push([
      col1[Math.floor(rand() * col1.length)]!,
      files.codes[Math.floor(rand() * files.codes.length)]!,
    ]);
  }
  let hits = 0;
  for (const [a, b] of queries.slice(0, 200_000)) if (ptpEdit(ptp, a, b, '2026-11-02') !== undefined) hits++; // warm-up
  hits = 0;
  t = performance.now();
  for (const [a, b] of queries) if (ptpEdit(ptp, a, b, '2026-11-02') !== undefined) hits++;
  const lookupS = (performance.now() - t) / 1000;
  log(
    `ptpEdit: ${Math.round(queries.length / lookupS).toLocaleString()} lookups/s (${hits.toLocaleString()} hits of 1,000,000)`,
  );
  t = performance.now();
  for (const [, b] of queries) if (mueFor(mue, b, '2026-11-02') !== undefined) hits++;
  log(`mueFor: ${Math.round(queries.length / ((performance.now() - t) / 1000)).toLocaleString()} lookups/s`);

  const batch = claims(100_000, files.codes, ptp, rand);
  let warm = 0;
  for (const lines of batch.slice(0, 20_000))
    warm += checkPtp(lines, ptp).length + checkMue(lines, mue).length;
  void warm; // warm-up: let the JIT settle before timing
  const rate = (check: (lines: ServiceLine[]) => number): [number, number] => {
    let findings = 0;
    const start = performance.now();
    for (const lines of batch) findings += check(lines);
    return [Math.round(batch.length / ((performance.now() - start) / 1000)), findings];
  };
  const [ptpRate, ptpFindings] = rate((lines) => checkPtp(lines, ptp).length);
  const [bothRate, bothFindings] = rate((lines) => checkPtp(lines, ptp).length + checkMue(lines, mue).length);
  log(
    `checkPtp: ${ptpRate.toLocaleString()} claims/s (1-8 lines; ${ptpFindings.toLocaleString()} findings on 100,000 claims)`,
  );
  log(
    `checkPtp + checkMue: ${bothRate.toLocaleString()} claims/s (${bothFindings.toLocaleString()} findings)`,
  );
  log(`peak RSS: ${mb(process.resourceUsage().maxRSS * 1024)}`);
  return { ptp, mue };
}

if (
  process.argv[1] !== undefined &&
  import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href
) {
  const dir = path.resolve(import.meta.dirname, '../.cache/ncci');
  const t = performance.now();
  const files = await writeSyntheticNcciFiles(dir);
  console.log(`wrote ${dir} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  if (!(globalThis as { gc?: unknown }).gc)
    console.log('(run with node --expose-gc for exact memory figures)');
  await timeNcciTables(files);
}
