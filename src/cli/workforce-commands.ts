/**
 * `cleanclaim staff|time|payout|workforce`: what the staff, payout, team-market and operating
 * pages do, from a terminal, as the installation's operator (a manager of every practice; reads
 * of others' pay and every change audited as the pages do, by "cli"). Each returns its output and
 * exit code: 0 done; 1 findings (credential reminders) or a refusal (an invalid time sheet or
 * period, no wage data).
 */
import type { Db } from '../db/connection.ts';
import { toCsv } from '../http/csv.ts';
import { formatUsd } from '../shared/money.ts';
import { ProblemError } from '../shared/problem.ts';
import {
  importTime,
  OPERATING_COLUMNS,
  operatingFor,
  operatingRows,
  PAYOUT_COLUMNS,
  payoutReportRows,
  readPayoutRun,
  readTimeCsv,
  remindersOf,
  runPayout,
  STAFF_COST_NOTE,
  TEAM_MARKET_COLUMNS,
  teamFor,
  teamMarketFor,
  teamMarketRows,
  type Viewer,
} from '../workforce/index.ts';
import type { CommandResult } from '../x12/cli.ts';
import { orProblem } from './coding-review.ts';

/** The CLI's actor, as the other commands that change the database name it. */
const CLI_ACTOR = { userId: null, userEmail: 'cli', ip: null };
const OPERATOR: Viewer = { actor: CLI_ACTOR, manager: true };

const ok = (output: string): CommandResult => ({ output, exitCode: 0 });
const json = (value: unknown): CommandResult => ok(JSON.stringify(value, null, 2));
const hours = (minutes: number) => `${(minutes / 60).toFixed(2)} h`;
/** The table as text: each column as wide as its widest cell. */
function aligned(rows: Record<string, unknown>[], columns: string[]): string {
  const text = (v: unknown) => (v === null || v === undefined ? '-' : String(v));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => text(r[c]).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(columns), ...rows.map((r) => line(columns.map((c) => text(r[c]))))].join('\n');
}

export async function staffListCommand(
  db: Db,
  practiceId: number,
  opts: { json?: boolean },
): Promise<CommandResult> {
  const team = await db.transaction((tx) => teamFor(tx, practiceId, OPERATOR));
  if (opts.json) return json(team);
  const pay = (s: (typeof team)[number]) =>
    s.payType === 'hourly'
      ? `hourly ${formatUsd(s.rateCents ?? 0)}/h`
      : `salaried ${s.exempt ? 'exempt' : `non-exempt (${s.salariedHoursPerWeek ?? 40} h/week)`} ${formatUsd(s.annualSalaryCents ?? 0)}/year`;
  const out = [`${team.length} staff member${team.length === 1 ? '' : 's'} in practice ${practiceId}`];
  for (const s of team)
    out.push(
      [
        `#${s.id}`.padEnd(6),
        s.name,
        s.jobTitle ? `${s.role} (${s.jobTitle})` : s.role,
        pay(s),
        `${s.state}${s.remote ? ' remote' : ''}`,
        `hired ${s.hireDate}${s.endDate ? `, left ${s.endDate}` : ''}`,
        s.userName ? `login ${s.userName}` : 'no login',
        s.credentials.map((c) => `${c.credential}${c.expiresOn ? ` to ${c.expiresOn}` : ''}`).join(', '),
      ]
        .filter(Boolean)
        .join('  '),
    );
  return ok(out.join('\n'));
}

/** Credentials expired, expiring within 90 days or short of CEUs: exit 1 when there is any. */
export async function staffRemindersCommand(
  db: Db,
  practiceId: number,
  today: string,
  opts: { json?: boolean },
): Promise<CommandResult> {
  const items = await remindersOf(db, practiceId, today);
  const exitCode = items.length ? 1 : 0;
  if (opts.json) return { output: JSON.stringify({ today, items }, null, 2), exitCode };
  const out = [`${items.length} credential reminder${items.length === 1 ? '' : 's'} on ${today}`];
  for (const r of items) out.push(`  ${r.staffName} (#${r.staffId}): ${r.message}`);
  return { output: out.join('\n'), exitCode };
}

/** A time sheet (CSV), refused whole on any error, each at its row and column: exit 1. */
export async function timeImportCommand(db: Db, practiceId: number, csv: string): Promise<CommandResult> {
  const refused = (errors: readonly { pointer: string; detail: string }[]) => ({
    output: `time sheet refused:${errors.map((e) => `\n  ${e.pointer}: ${e.detail}`).join('')}`,
    exitCode: 1,
  });
  const { rows, errors } = readTimeCsv(csv);
  if (errors.length) return refused(errors);
  try {
    const done = await db.transaction((tx) => importTime(tx, practiceId, rows, CLI_ACTOR));
    return ok(`imported ${done.days} day${done.days === 1 ? '' : 's'}, ${hours(done.minutes)}`);
  } catch (error) {
    // an unknown person or a day outside their employment: the same refusal, at its row
    if (error instanceof ProblemError && error.errors.length) return refused(error.errors);
    throw error;
  }
}

/** Runs and keeps the payout of a period of whole workweeks; prints each person's lines and inputs. */
export async function payoutRunCommand(
  db: Db,
  practiceId: number,
  period: { from: string; to: string },
  opts: { json?: boolean; csv?: boolean },
): Promise<CommandResult> {
  return orProblem(async () => {
    const { run } = await runPayout(db, practiceId, period, CLI_ACTOR);
    const report = await db.transaction((tx) =>
      readPayoutRun(tx, practiceId, run.id, { ...OPERATOR, staffId: null }),
    );
    if (opts.json) return json(report);
    if (opts.csv) return ok(toCsv(payoutReportRows(report.lines), PAYOUT_COLUMNS).trimEnd());
    const out = [
      `payout run #${run.id}, ${run.periodFrom} to ${run.periodTo}: ${report.lines.length} people, ${formatUsd(run.totalCents)} (team collections ${formatUsd(run.collectionsCents)})`,
    ];
    for (const p of report.lines) {
      const plan = p.planVersion === null ? 'no plan' : `plan v${p.planVersion}`;
      out.push(`${p.staffName} (#${p.staffId}, ${p.role}, ${plan}): ${formatUsd(p.totalCents)}`);
      for (const l of p.lines)
        out.push(`  ${l.what}: ${formatUsd(l.cents)}${l.inputs ? `  [${l.inputs}]` : ''}`);
    }
    return ok(out.join('\n'));
  });
}

/** The operating figures of the twelve months ending with lastMonth (audited: it reads pay). */
export async function operatingCommand(
  db: Db,
  practiceId: number,
  lastMonth: string,
  opts: { csv?: boolean },
): Promise<CommandResult> {
  const months = await operatingFor(db, practiceId, lastMonth, CLI_ACTOR);
  const rows = operatingRows(months);
  if (opts.csv) return ok(`${toCsv([], [STAFF_COST_NOTE])}${toCsv(rows, OPERATING_COLUMNS)}`.trimEnd());
  const columns = OPERATING_COLUMNS.filter((c) => !c.endsWith('LastYear') && !c.endsWith('Trailing12'));
  return ok(
    `${aligned(rows, columns)}\n${STAFF_COST_NOTE}\n(--csv adds each figure's same month last year and trailing twelve months)`,
  );
}

/** Each current staff member's annualised pay as a BLS percentile; exit 1 without wage data. */
export async function marketCommand(
  db: Db,
  practiceId: number,
  today: string,
  opts: { csv?: boolean },
): Promise<CommandResult> {
  const view = await teamMarketFor(db, practiceId, OPERATOR, today);
  if (!view)
    return { output: 'no wage data: import the BLS files first (cleanclaim wages import DIR)', exitCode: 1 };
  const source = `Pay against the market: ${view.occupation.title} (${view.occupation.code}). Source: U.S. Bureau of Labor Statistics, OEWS ${view.release}`;
  const rows = teamMarketRows(view.rows);
  if (opts.csv) return ok(`${toCsv([], [source])}${toCsv(rows, TEAM_MARKET_COLUMNS)}`.trimEnd());
  // the basis and notes are sentences: under the table, once each, not as columns
  const columns = TEAM_MARKET_COLUMNS.filter((c) => c !== 'basis' && c !== 'notes');
  const sentences = [...new Set(rows.flatMap((r) => [r.basis, r.notes]).filter(Boolean))];
  return ok([source, aligned(rows, columns), ...sentences].join('\n'));
}
