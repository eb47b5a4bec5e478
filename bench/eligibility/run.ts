// Eligibility benchmark: `npm run bench:eligibility`. A synthetic 271 file of BENCH_RESPONSES
// (default 100,000) answers, written once with write271 into bench/.cache/ from varied answers
// (active with many EB segments, dependents, inactive, other payers, member and request rejections),
// is read and summarised as `cleanclaim eligibility parse` does: parse271 (tokenize, validate
// against the X279A1 map, read) then summarize271 per answer. Each run is a fresh process so its
// peak memory is its own; BENCH_RUNS (default 2) runs, the fastest reported.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  MemoryControlNumbers,
  parse271,
  summarize271,
  validateX12,
  write271,
  type Benefit,
  type EligibilityResponse,
  type MemberBenefits,
} from '../../src/x12/index.ts';

const N = Number(process.env.BENCH_RESPONSES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const CACHE = fileURLToPath(new URL('../.cache/', import.meta.url));
const FILE = `${CACHE}eligibility-${N}.271`;

const payer = {
  entityType: '2' as const,
  lastOrOrganizationName: 'ACME HEALTH',
  idQualifier: 'PI',
  id: 'ACME01',
};
const provider = {
  entityType: '2' as const,
  lastOrOrganizationName: 'MAIN STREET CLINIC',
  idQualifier: 'XX',
  id: '1234567893',
};

const cents = (i: number, base: number) => base + (i % 37) * 2500;

/** A plan's benefits as payers send them: status, deductible and out of pocket by level and network, cost shares, PCP. */
function manyBenefits(i: number): Benefit[] {
  const acc = (
    code: 'C' | 'G',
    level: string,
    net: 'Y' | 'N',
    period: string,
    amountCents: number,
  ): Benefit => ({
    code,
    coverageLevel: level,
    serviceTypes: ['30'],
    timePeriod: period,
    amountCents,
    inNetwork: net,
  });
  return [
    { code: '1', serviceTypes: ['30'], planDescription: `PLAN ${i % 50}`, insuranceType: 'C1' },
    acc('C', 'IND', 'Y', '23', cents(i, 150_000)),
    acc('C', 'IND', 'Y', '29', cents(i, 10_000)),
    acc('C', 'FAM', 'Y', '23', cents(i, 300_000)),
    acc('C', 'FAM', 'Y', '29', cents(i, 90_000)),
    acc('C', 'IND', 'N', '23', cents(i, 300_000)),
    acc('G', 'IND', 'Y', '23', cents(i, 600_000)),
    acc('G', 'IND', 'Y', '29', cents(i, 450_000)),
    acc('G', 'FAM', 'Y', '23', cents(i, 1_200_000)),
    acc('G', 'IND', 'N', '23', cents(i, 1_200_000)),
    { code: 'A', coverageLevel: 'IND', serviceTypes: ['30'], percent: '0.2', inNetwork: 'Y' },
    { code: 'A', coverageLevel: 'IND', serviceTypes: ['30'], percent: '0.4', inNetwork: 'N' },
    ...['98', 'UC', '86', 'AL'].map((t, k): Benefit => ({
      code: 'B',
      coverageLevel: 'IND',
      serviceTypes: [t],
      timePeriod: '27',
      amountCents: 2000 + k * 2500,
      inNetwork: 'Y',
    })),
    {
      code: 'D',
      serviceTypes: [],
      authorizationRequired: 'Y',
      procedure: { qualifier: 'HC', code: '73721', modifiers: [] },
      messages: ['PRIOR AUTHORIZATION REQUIRED'],
    },
    {
      code: 'L',
      serviceTypes: [],
      entities: [
        {
          entityCode: 'P3',
          entityType: '1',
          lastOrOrganizationName: 'JONES',
          firstName: 'MARCUS',
          idQualifier: 'XX',
          id: '1003000126',
        },
      ],
    },
  ];
}

function member(i: number, benefits: Benefit[], extra: Partial<MemberBenefits> = {}): MemberBenefits {
  return {
    entityType: '1',
    lastOrOrganizationName: `PATIENT${i}`,
    firstName: 'ALEX',
    idQualifier: 'MI',
    id: `M${String(i).padStart(9, '0')}`,
    birthDate: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
    gender: i % 2 ? 'F' : 'M',
    traces: [{ type: '2', number: `T${i}`, originatorId: '9999999999' }],
    rejections: [],
    dates: [{ qualifier: '346', period: { from: '2026-01-01' } }],
    benefits,
    ...extra,
  };
}

/** The i-th answer: 40% active (many EBs), 10% dependent, 10% inactive, 10% another payer, 30% rejected. */
function answer(i: number): EligibilityResponse {
  const base = { referenceId: `REQ${i}`, date: '2026-12-03', time: '1200', payer, provider, rejections: [] };
  switch (i % 10) {
    case 4: {
      const subscriber = member(i, [], { traces: [], dates: [] });
      const dependent = member(i + 1, manyBenefits(i), {
        lastOrOrganizationName: `CHILD${i}`,
        id: undefined,
      });
      delete dependent.id;
      delete dependent.idQualifier;
      return { ...base, subscriber, dependent };
    }
    case 5:
      return {
        ...base,
        subscriber: member(i, [{ code: '6', serviceTypes: ['30'] }], {
          dates: [
            { qualifier: '356', period: { from: '2025-01-01' } },
            { qualifier: '357', period: { from: '2026-01-31' } },
          ],
        }),
      };
    case 6:
      return {
        ...base,
        subscriber: member(i, [
          ...manyBenefits(i).slice(0, 6),
          {
            code: 'R',
            serviceTypes: ['30'],
            insuranceType: 'MB',
            entities: [
              {
                entityCode: 'PR',
                entityType: '2',
                lastOrOrganizationName: 'MEDICARE PART B',
                idQualifier: 'PI',
                id: 'MCR',
              },
            ],
          },
        ]),
      };
    case 7:
      return {
        ...base,
        subscriber: member(i, [], { rejections: [{ validRequest: 'N', reason: '72', followUp: 'C' }] }),
      };
    case 8:
      return {
        ...base,
        subscriber: member(i, [], { rejections: [{ validRequest: 'N', reason: '75', followUp: 'C' }] }),
      };
    case 9:
      return {
        ...base,
        subscriber: member(i, [], { rejections: [{ validRequest: 'Y', reason: '42', followUp: 'R' }] }),
      };
    default:
      return { ...base, subscriber: member(i, manyBenefits(i)) };
  }
}

async function generate(): Promise<void> {
  mkdirSync(CACHE, { recursive: true });
  const answers = Array.from({ length: N }, (_, i) => answer(i));
  const text = await write271(answers, {
    senderId: 'ACME01',
    receiverId: 'CLINIC01',
    date: '20261203',
    time: '1200',
    lineBreaks: true,
    numbers: new MemoryControlNumbers(),
  });
  writeFileSync(FILE, text);
}

interface Run {
  seconds: number;
  phases: { validateSeconds: number; readSeconds: number; summariseSeconds: number };
  answers: number;
  segments: number;
  byStatus: Record<string, number>;
  peakRssMb: number;
  peakHeapMb: number;
  valid: boolean;
}

/** One measured run (in its own process): read the file, parse and summarise every answer. */
function read(file: string): Run {
  global.gc?.();
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 20);
  const started = process.hrtime.bigint();
  const since = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e9;
  // parse271(bytes) is validateX12 then the reader: timed apart to see where the time goes.
  const validation = validateX12(readFileSync(file));
  const validateSeconds = since(started);
  const t1 = process.hrtime.bigint();
  const parsed = parse271(validation);
  const readSeconds = since(t1);
  const t2 = process.hrtime.bigint();
  const byStatus: Record<string, number> = {};
  for (const r of parsed.responses) {
    const s = summarize271(r, '2026-12-03');
    byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
  }
  const summariseSeconds = since(t2);
  const seconds = since(started);
  clearInterval(timer);
  sample();
  let segments = 0;
  const text = readFileSync(file, 'latin1');
  for (let k = text.indexOf('~'); k >= 0; k = text.indexOf('~', k + 1)) segments++;
  return {
    seconds,
    phases: { validateSeconds, readSeconds, summariseSeconds },
    answers: parsed.responses.length,
    segments,
    byStatus,
    peakRssMb: Math.round(peakRss / 2 ** 20),
    peakHeapMb: Math.round(peakHeap / 2 ** 20),
    valid: parsed.valid,
  };
}

if (process.argv[2] === '--read') {
  console.log(JSON.stringify(read(process.argv[3] as string)));
} else {
  const load = loadavg()[0] ?? 0;
  if (!existsSync(FILE) || process.env.BENCH_REGENERATE) {
    const t = Date.now();
    await generate();
    console.log(`wrote ${FILE} in ${((Date.now() - t) / 1000).toFixed(1)} s (write271, validated)`);
  }
  const mb = statSync(FILE).size / 2 ** 20;
  const script = fileURLToPath(import.meta.url);
  let best: Run | undefined;
  let peakRss = 0;
  for (let k = 0; k < RUNS; k++) {
    const r = spawnSync(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', script, '--read', FILE],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    );
    if (r.status !== 0) throw new Error(`read run failed: ${r.stderr}`);
    const run = JSON.parse(r.stdout.trim().split('\n').at(-1) as string) as Run;
    if (run.answers !== N || !run.valid)
      throw new Error(`read ${run.answers} of ${N} answers, valid ${run.valid}`);
    peakRss = Math.max(peakRss, run.peakRssMb);
    if (!best || run.seconds < best.seconds) best = run;
  }
  const b = best as Run;
  const result = {
    answers: N,
    fileMiB: Math.round(mb * 10) / 10,
    segments: b.segments,
    seconds: Math.round(b.seconds * 100) / 100,
    answersPerSecond: Math.round(N / b.seconds),
    mibPerSecond: Math.round((mb / b.seconds) * 10) / 10,
    validateSeconds: Math.round(b.phases.validateSeconds * 100) / 100,
    readSeconds: Math.round(b.phases.readSeconds * 100) / 100,
    summariseSeconds: Math.round(b.phases.summariseSeconds * 100) / 100,
    peakRssMb: peakRss,
    peakHeapMb: b.peakHeapMb,
    byStatus: b.byStatus,
    runs: RUNS,
    cpus: cpus().length,
    loadBefore: Math.round(load * 100) / 100,
  };
  console.table([{ ...result, byStatus: JSON.stringify(result.byStatus) }]);
  console.log(
    `${N.toLocaleString('en-US')} 271 answers (${result.fileMiB} MiB, ${b.segments.toLocaleString('en-US')} segments) read, validated and summarised in ${result.seconds} s (validate ${result.validateSeconds} s, read ${result.readSeconds} s, summarise ${result.summariseSeconds} s): ${result.answersPerSecond.toLocaleString('en-US')} answers/s, peak RSS ${peakRss} MiB, peak heap ${b.peakHeapMb} MiB (best of ${RUNS} runs, each in a fresh process; ${cpus().length} CPUs, load average ${result.loadBefore} before the run).`,
  );
  console.log(
    'Peer: none. No reader here reads 5010 271 benefits (pyx12 3.1.0 has no 005010X279A1 map; node-x12 and x12-parser only tokenize), so there is no ratio to give.',
  );
  console.log(JSON.stringify(result));
}
