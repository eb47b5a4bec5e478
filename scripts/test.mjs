#!/usr/bin/env node
// `npm test`: lint, format check, typecheck, then every vitest suite. The database suites run on
// the embedded PGlite and, when TEST_DATABASE_URL names a PostgreSQL server, again on it; the
// browser suite runs when Debian's Chromium is installed. Whatever is skipped is said plainly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM = '/usr/bin/chromium';
const totals = { passed: 0, failed: 0, skipped: 0 };
const skippedSuites = [];
const skippedTests = [];
const failedSteps = [];

function run(label, command, args, env = {}) {
  console.log(`\n== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) failedSteps.push(label);
  return result.status === 0;
}

const vitestArgs = (project, out, files = []) => [
  'vitest',
  'run',
  '--project',
  project,
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${out}`,
  ...files,
];

function count(label, out) {
  if (!existsSync(out)) return;
  const report = JSON.parse(readFileSync(out, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  // Name every skipped test: its title says why it does not run here.
  for (const file of report.testResults)
    for (const test of file.assertionResults)
      if (test.status === 'pending' || test.status === 'skipped' || test.status === 'todo')
        skippedTests.push(`${label}: ${file.name.replace(`${process.cwd()}/`, '')} > ${test.fullName}`);
}

const reportFile = () => join(mkdtempSync(join(tmpdir(), 'cleanclaim-test-')), 'report.json');

function vitest(label, project, env = {}, files = []) {
  const out = reportFile();
  run(label, 'npx', vitestArgs(project, out, files), env);
  count(label, out);
}

/**
 * A suite run beside the others, its output kept in a file and shown when it ends: the PostgreSQL
 * database suite mostly waits on the server's processes, so it shares the two cores with the PGlite
 * suite instead of running after it.
 */
function vitestBeside(label, project, env = {}, files = []) {
  const out = reportFile();
  const log = out.replace(/report\.json$/, 'output.log');
  const child = spawn('npx', vitestArgs(project, out, files), {
    stdio: ['ignore', openSync(log, 'w'), openSync(log, 'a')],
    env: { ...process.env, ...env },
  });
  console.log(`\n== ${label} (beside the next suites; its output follows when it ends)`);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      console.log(`\n== ${label}: npx ${vitestArgs(project, out, files).join(' ')}`);
      console.log(readFileSync(log, 'utf8'));
      if (code !== 0) failedSteps.push(label);
      count(label, out);
      resolve();
    }),
  );
}

// TEST_SERIAL=1 runs the suites one after another (slower; for a machine with one core).
const serial = process.env.TEST_SERIAL === '1';
const CRASH = 'src/server/crash-safety.db.test.ts';
const pglite = { TEST_DATABASE_URL: '' };
// The suites that mostly wait (the PostgreSQL database suite on the server's processes, PGlite's
// crash-safety test on 60 server restarts) start first and run beside the checks and the rest.
let postgresSuite = Promise.resolve();
let crashSuite = Promise.resolve();
if (!serial) {
  if (process.env.TEST_DATABASE_URL) postgresSuite = vitestBeside('database tests on PostgreSQL', 'db');
  crashSuite = vitestBeside('crash safety on PGlite', 'db', pglite, [CRASH]);
}
if (!process.env.TEST_DATABASE_URL)
  skippedSuites.push(
    'database tests on PostgreSQL (set TEST_DATABASE_URL=postgres://user:pass@host/db to run them; .ci/run does)',
  );
run('lint', 'npx', ['eslint', '.']);
run('format', 'npx', ['prettier', '--check', '.']);
run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
vitest('unit tests', 'unit');
if (serial) {
  if (process.env.TEST_DATABASE_URL) vitest('database tests on PostgreSQL', 'db');
  vitest('database tests on PGlite', 'db', pglite);
} else {
  vitest('database tests on PGlite (but crash safety)', 'db', pglite, ['--exclude', CRASH]);
  await crashSuite;
}
await postgresSuite;
if (existsSync(CHROMIUM)) {
  if (run('web build', 'npm', ['run', 'build:web', '--silent'])) vitest('browser tests in Chromium', 'e2e');
} else {
  skippedSuites.push(`browser tests (no ${CHROMIUM}: apt-get install chromium; .ci/run does)`);
}

console.log('\n== summary');
for (const s of skippedSuites) console.log(`SKIPPED suite: ${s}`);
for (const s of skippedTests) console.log(`SKIPPED test: ${s}`);
for (const s of failedSteps) console.log(`FAILED step: ${s}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length || totals.failed ? 1 : 0);
