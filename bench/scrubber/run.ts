// npm run bench:scrubber — claims scrubbed per second on one core with every rule on: the real
// ICD-10-CM/HCPCS releases from ../shared/codesets, synthetic NCCI tables of realistic size in the
// official layout (about 1.5 million active PTP pairs, 12,000 MUE codes), fee schedule and payer rules.
// BENCH_CLAIMS sets the number of claims (default 100,000).
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { codeCheckerFor } from '../../src/codesets/checker.ts';
import { defaultCodesetDir, detectReleases, loadCodeTables } from '../../src/codesets/index.ts';
import type { ScrubClaim } from '../../src/scrubber/claim.ts';
import type { ScrubContext } from '../../src/scrubber/context.ts';
import { CHECKS, scrubClaim } from '../../src/scrubber/scrub.ts';
import { cleanClaim } from '../../src/scrubber/testing.ts';
import { createRandom } from '../../src/demo/random.ts';
import { timeNcciTables, writeSyntheticNcciFiles } from './ncci-data.ts';

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 100_000);
const DOS = '2026-03-02';

console.log(`cleanclaim scrubber benchmark: ${os.cpus().length} cores (one used), Node ${process.version}`);
const files = await writeSyntheticNcciFiles(path.resolve('bench/.cache/ncci'));
const ncci = await timeNcciTables(files, () => undefined);
console.log(
  `NCCI: ${files.activePairs.toLocaleString()} active PTP pairs, ${files.mueRows.toLocaleString()} MUE codes loaded`,
);
const releases = (await detectReleases(defaultCodesetDir())).filter((r) =>
  ['ICD-10-CM', 'HCPCS', 'POS'].includes(r.release.system),
);
const tables = await loadCodeTables(releases);
const codes = codeCheckerFor(tables);
const billable = [...tables.icd10cm.find((t) => t.release.version === '2026')!.codes.values()]
  .filter((c) => c.billable)
  .map((c) => `${c.code.slice(0, 3)}.${c.code.slice(3)}`);

// Synthetic claims: real billable diagnoses (from the practice's 3,000), procedure codes from the NCCI code universe (so PTP
// and MUE lookups hit), 1–6 lines, some modifiers.
const random = createRandom(7);
// A practice bills a few thousand distinct diagnoses a year, not all 74,719: draw from 3,000.
const practiceDiagnoses = Array.from({ length: 3000 }, () => random.pick(billable));
const claims: ScrubClaim[] = Array.from({ length: CLAIMS }, (_, i) => {
  const base = cleanClaim();
  const diagnoses = Array.from({ length: random.int(1, 4) }, () => random.pick(practiceDiagnoses));
  const lines = Array.from({ length: random.int(1, 6) }, (_, n) => ({
    lineNumber: n + 1,
    procedureCode: random.pick(files.codes),
    modifiers: random.chance(0.3) ? [random.pick(['25', '59', 'RT', 'LT', 'XS', '26', 'TC'])] : [],
    units: random.int(1, 3),
    chargeCents: random.int(50, 5000) * 100,
    diagnosisPointers: [random.int(1, diagnoses.length)],
    serviceDate: DOS,
  }));
  return { ...base, claimId: `PCN${i}`, diagnoses: [...new Set(diagnoses)], lines };
});
const context: ScrubContext = {
  today: '2026-03-20',
  codes,
  ncci,
  feeSchedule: [
    {
      procedureCode: '99213',
      modifier: null,
      chargeCents: 14000,
      effectiveDate: '2026-01-01',
      endDate: null,
    },
  ],
  submittedServices: new Set(),
  payerRules: [{ kind: 'prior-auth-required', payerId: '60054', procedureCodes: ['29881'] }],
};

for (const c of claims.slice(0, 2000)) scrubClaim(c, context); // warm up
const byRule = new Map<string, number>();
let clean = 0;
const started = performance.now();
for (const c of claims) {
  const result = scrubClaim(c, context);
  if (result.clean) clean++;
  for (const f of result.findings) byRule.set(f.code, (byRule.get(f.code) ?? 0) + 1);
}
const seconds = (performance.now() - started) / 1000;
const lines = claims.reduce((n, c) => n + c.lines.length, 0);
console.log(
  `\n${CLAIMS.toLocaleString()} claims (${lines.toLocaleString()} service lines) scrubbed in ${seconds.toFixed(2)} s: ${Math.round(CLAIMS / seconds).toLocaleString()} claims/s on one core (target 20,000)`,
);
console.log(
  `clean: ${((clean / CLAIMS) * 100).toFixed(1)}% (synthetic claims with random codes trip many edits by design)`,
);
console.log(
  `findings by rule: ${[...byRule.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([r, n]) => `${r} ${n}`)
    .join(', ')}`,
);
console.log(`heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);

// Where the time goes: each check alone over the same claims.
const perCheck = CHECKS.map((check) => {
  const t0 = performance.now();
  for (const c of claims) check(c, context);
  return [check.name, performance.now() - t0] as const;
});
console.log(
  `time per check (ms for all claims): ${perCheck
    .sort((a, b) => b[1] - a[1])
    .map(([n, ms]) => `${n} ${ms.toFixed(0)}`)
    .join(', ')}`,
);
