/**
 * `cleanclaim coding queue|queries|audits`: what the coding queue, the physician queries and the
 * audits pages show, from a terminal, for every practice of the installation (or --practice).
 * Each returns its output and exit code: 0 done, 1 a problem (not found, a refused answer, an
 * audit under the 95% bar).
 */
import { findUserByEmail, grantsOf } from '../auth/index.ts';
import {
  ACCURACY_BAR,
  answerQuery,
  auditById,
  listAudits,
  listQueries,
  listQueue,
  queryById,
  summarizeScores,
  type ChartScore,
  type CodingQueryRow,
} from '../coding/index.ts';
import type { Db } from '../db/connection.ts';
import { allPracticeIds } from '../practices/index.ts';
import { formatUsd } from '../shared/money.ts';
import { ProblemError } from '../shared/problem.ts';
import type { CommandResult } from '../x12/cli.ts';

interface Listing {
  practice?: number;
  json?: boolean;
}

const ok = (output: string): CommandResult => ({ output, exitCode: 0 });
const json = (value: unknown): CommandResult => ok(JSON.stringify(value, null, 2));
const pct = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;
const scopeOf = async (db: Db, practice?: number) =>
  practice === undefined ? allPracticeIds(db) : [practice];

/** A refused request (not found, a wrong answer) as the API words it: exit 1. */
export async function orProblem(run: () => Promise<CommandResult>): Promise<CommandResult> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    const details = error.errors.map((e) => `\n  ${e.pointer}: ${e.detail}`).join('');
    return { output: `${error.code}: ${error.message}${details}`, exitCode: 1 };
  }
}

export async function queueCommand(
  db: Db,
  today: string,
  opts: Listing & { state?: string; type?: string },
): Promise<CommandResult> {
  const queue = await listQueue(db, await scopeOf(db, opts.practice), today, {
    ...(opts.state ? { state: opts.state } : {}),
    ...(opts.type ? { chartType: opts.type } : {}),
    pageSize: 200,
  });
  if (opts.json) return json(queue);
  const out = [`${queue.total} chart${queue.total === 1 ? '' : 's'} on the coding queue`];
  if (queue.total > queue.items.length) out[0] += ` (the first ${queue.items.length})`;
  for (const c of queue.items)
    out.push(
      [
        `#${c.id}`.padEnd(7),
        `practice ${c.practiceId}`,
        `visit ${c.serviceDate} (${c.ageDays} days)`,
        c.chartType,
        `priority ${c.priority}`,
        c.state + (c.holdReason ? ` (${c.holdReason})` : ''),
        c.providerName,
        `${c.patientName} [${c.accountNumber}]`,
      ].join('  '),
    );
  return ok(out.join('\n'));
}

function describeQuery(q: CodingQueryRow): string[] {
  const head = `#${q.id} ${q.state}, sent ${q.sentAt.toISOString().slice(0, 10)}, practice ${q.practiceId}, encounter ${q.encounterId}, provider ${q.providerId}`;
  const lines = [head, `  ${q.question}`, ...q.options.map((o, i) => `    ${i + 1}. ${o}`)];
  if (q.state === 'answered')
    lines.push(`  answered: ${q.answerOption}${q.answerText ? ` (${q.answerText})` : ''}`);
  return lines;
}

export async function queriesListCommand(db: Db, opts: Listing & { state?: string }): Promise<CommandResult> {
  const items = await listQueries(db, await scopeOf(db, opts.practice), {
    ...(opts.state ? { state: opts.state } : {}),
  });
  if (opts.json) return json(items);
  return ok(
    [
      `${items.length} physician quer${items.length === 1 ? 'y' : 'ies'}`,
      ...items.flatMap(describeQuery),
    ].join('\n'),
  );
}

/**
 * The provider's answer, signed by the provider's login (--as): one of the options by number or
 * by its words; "Other" needs the provider's own words (--text). Audited as the API's answer is.
 */
export async function queriesAnswerCommand(
  db: Db,
  id: number,
  opts: { option: string; text?: string; as: string },
  now: Date,
): Promise<CommandResult> {
  return orProblem(() =>
    db.transaction(async (tx) => {
      const scope = await allPracticeIds(tx);
      const query = await queryById(tx, scope, id);
      const user = await findUserByEmail(tx, opts.as);
      const grants = user ? await grantsOf(tx, user.id) : [];
      const mayAnswer = grants.some(
        (g) => g.practiceId === query.practiceId && ['admin', 'manager', 'provider'].includes(g.role),
      );
      if (!user || !mayAnswer)
        return {
          output: `${opts.as} is not a provider, manager or admin of practice ${query.practiceId}: only they answer its queries`,
          exitCode: 1,
        };
      const n = Number(opts.option);
      const option =
        Number.isInteger(n) && n >= 1 && n <= query.options.length ? query.options[n - 1]! : opts.option;
      const actor = { userId: user.id, userEmail: user.email, ip: null, name: user.name };
      const answered = await answerQuery(
        tx,
        scope,
        id,
        { option, ...(opts.text ? { text: opts.text } : {}) },
        actor,
        now,
      );
      return ok(
        `query #${id} answered "${answered.answerOption}" by ${user.name}: the answer is addendum document ${answered.addendumDocumentId} on encounter ${answered.encounterId}`,
      );
    }),
  );
}

export async function auditsListCommand(db: Db, opts: Listing): Promise<CommandResult> {
  const scope = await scopeOf(db, opts.practice);
  const audits = await listAudits(db, scope);
  const rows = await Promise.all(
    audits.map(async (a) => {
      const { charts } = await auditById(db, scope, a.id);
      return { ...a, charts: charts.length, recoded: charts.filter((c) => c.score).length };
    }),
  );
  if (opts.json) return json(rows);
  const out = [`${rows.length} coding audit${rows.length === 1 ? '' : 's'}`];
  for (const a of rows)
    out.push(
      `#${a.id} "${a.name}" practice ${a.practiceId}, ${a.sampling} ${a.percent}% of ${a.periodFrom} to ${a.periodTo}: ${a.charts} charts, ${a.recoded} re-coded`,
    );
  return ok(out.join('\n'));
}

/** Each error of a chart: what the coder coded, what the auditor did, the money it moves. */
const describeErrors = (score: ChartScore) =>
  score.errors.map(
    (e) =>
      `      ${e.kind}: coded ${e.coded ? `"${e.coded}"` : 'nothing'}, the auditor ${e.expected ? `"${e.expected}"` : 'nothing'}${e.moneyCents ? ` (${formatUsd(e.moneyCents)})` : ''}`,
  );

/** An audit's scores per chart and per coder against the 95% bar; exit 1 when the audit is under it. */
export async function auditsScoreCommand(
  db: Db,
  id: number,
  opts: { json?: boolean },
): Promise<CommandResult> {
  return orProblem(async () => {
    const { audit, charts } = await auditById(db, await allPracticeIds(db), id);
    const scored = charts.filter((c) => c.score);
    const overall = summarizeScores(scored.map((c) => c.score!));
    const coders = [...new Set(scored.map((c) => c.coderId))].map((coderId) => ({
      coderId,
      summary: summarizeScores(scored.filter((c) => c.coderId === coderId).map((c) => c.score!)),
    }));
    const exitCode = scored.length > 0 && !overall.meetsBar ? 1 : 0;
    if (opts.json) return { output: JSON.stringify({ audit, charts, coders, overall }, null, 2), exitCode };
    const bar = (meets: boolean) => (meets ? `meets ${pct(ACCURACY_BAR)}` : `under ${pct(ACCURACY_BAR)}`);
    const out = [
      `audit #${audit.id} "${audit.name}" (practice ${audit.practiceId}, ${audit.sampling} ${audit.percent}% of ${audit.periodFrom} to ${audit.periodTo})`,
    ];
    for (const c of charts) {
      const s = c.score;
      const what = `  chart ${c.codingChartId}, encounter ${c.encounterId}, visit ${c.serviceDate}, coder ${c.coderId ?? '-'}`;
      if (!s) {
        out.push(`${what}: not re-coded yet`);
        continue;
      }
      const dispute = c.disputeState ? `, dispute ${c.disputeState}` : '';
      out.push(`${what}: ${pct(s.accuracy)} (${s.correct}/${s.total}), ${bar(s.meetsBar)}${dispute}`);
      out.push(...describeErrors(s));
    }
    for (const c of coders)
      out.push(
        `coder ${c.coderId ?? '-'}: ${c.summary.charts} charts, ${pct(c.summary.accuracy)}, ${bar(c.summary.meetsBar)}`,
      );
    out.push(
      scored.length
        ? `overall: ${scored.length} of ${charts.length} charts re-coded, ${pct(overall.accuracy)} (${overall.correct}/${overall.total}), ${bar(overall.meetsBar)}; money the errors move ${formatUsd(overall.moneyCents)}`
        : `overall: none of ${charts.length} charts re-coded yet`,
    );
    return { output: out.join('\n'), exitCode };
  });
}
