import type { AuditActor } from '../audit/index.ts';
import type { Executor } from '../db/connection.ts';
import { insertMany, isAnyOf } from '../db/raw.ts';
import { groupBy } from '../shared/group-by.ts';
import { scrubClaim } from '../scrubber/scrub.ts';
import { loadClaimPartiesOf, type KnownParties } from './parties.ts';
import { loadScrubContexts, scrubClaimOf, type ClaimLookups } from './scrub-view.ts';
import type { ClaimState } from './states.ts';
import { moveClaims, type ClaimRow } from './store.ts';
import { claim, claimFinding, claimLine } from './tables.ts';

/**
 * Scrubs a stored claim: replaces its findings (keeping the override of a warning that is found
 * again), and moves it to ready when nothing blocks it, or to scrubbed when something does.
 */
export async function scrubStoredClaim(
  tx: Executor,
  row: ClaimRow,
  actor: AuditActor,
  today: string,
  lookups: ClaimLookups,
) {
  const [scrubbed] = await scrubStoredClaims(tx, [row], actor, today, lookups);
  return scrubbed!;
}

type Finding = ReturnType<typeof scrubClaim>['findings'][number];
const keyOf = (f: { code: string; field: string; message: string }) => `${f.code}|${f.field}|${f.message}`;

/**
 * scrubStoredClaim for many claims (a posting chunk's secondary claims) in a few statements
 * whatever their number: what the scrubber reads around them is read once for all, their findings
 * replaced and their moves written together. Returns each claim's result in the order given.
 */
export async function scrubStoredClaims(
  tx: Executor,
  rows: readonly ClaimRow[],
  actor: AuditActor,
  today: string,
  lookups: ClaimLookups,
  known: KnownParties = {},
) {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const linesOf = groupBy(
    await tx.select().from(claimLine).where(isAnyOf(claimLine.claimId, ids)),
    (l) => l.claimId,
  );
  const parties = await loadClaimPartiesOf(tx, rows, known);
  const views = rows.map((row) => ({
    row,
    view: scrubClaimOf(row, linesOf.get(row.id) ?? [], parties.get(row.id)!),
  }));
  const contexts = await loadScrubContexts(tx, views, today, lookups);
  const results = views.map(({ view }, i) => scrubClaim(view, contexts[i]!));
  const previousOf = groupBy(
    await tx.select().from(claimFinding).where(isAnyOf(claimFinding.claimId, ids)),
    (f) => f.claimId,
  );
  const overridesOf = rows.map(
    (row) => new Map((previousOf.get(row.id) ?? []).filter((f) => f.overridden).map((f) => [keyOf(f), f])),
  );
  await tx.delete(claimFinding).where(isAnyOf(claimFinding.claimId, ids));
  const findings = rows.flatMap((row, i) =>
    results[i]!.findings.map((f: Finding) => {
      const kept = f.severity === 'warning' ? overridesOf[i]!.get(keyOf(f)) : undefined;
      return {
        claimId: row.id,
        code: f.code,
        severity: f.severity,
        field: f.field,
        lines: f.lines,
        message: f.message,
        fixHint: f.fixHint,
        fix: f.fix ?? null,
        overridden: Boolean(kept),
        overrideReason: kept?.overrideReason ?? null,
        overriddenBy: kept?.overriddenBy ?? null,
        overriddenAt: kept?.overriddenAt ?? null,
      };
    }),
  );
  await insertMany(tx, claimFinding, findings);
  const summaries = rows.map((row, i) => {
    const { findings: found } = results[i]!;
    const warnings = found.filter((f) => f.severity === 'warning' && !overridesOf[i]!.has(keyOf(f))).length;
    const errors = found.filter((f) => f.severity === 'error').length;
    return { errors, warnings };
  });
  await settleAfterScrub(
    tx,
    rows.map((row, i) => ({
      row,
      target: summaries[i]!.errors === 0 && summaries[i]!.warnings === 0 ? 'ready' : 'scrubbed',
      summary: summaries[i]!,
    })),
    actor,
    new Date(),
  );
  return results.map((result, i) => ({ ...result, ...summaries[i]! }));
}

interface Settle {
  row: ClaimRow;
  target: ClaimState;
  summary: { errors: number; warnings: number };
}

/**
 * From wherever each claim is, walk to scrubbed or ready along allowed transitions: claims that take
 * the same step with the same summary move together, every first step before any second.
 */
async function settleAfterScrub(
  tx: Executor,
  claims: readonly Settle[],
  actor: AuditActor,
  scrubbedAt: Date,
) {
  const steps: { row: ClaimRow; to: ClaimState; summary: Settle['summary']; n: number }[] = [];
  // a claim that moves is marked scrubbed by its move's update; one that stays, by its own
  const staying = claims.filter((c) => c.row.state === 'ready' && c.target === 'ready').map((c) => c.row.id);
  if (staying.length) await tx.update(claim).set({ scrubbedAt }).where(isAnyOf(claim.id, staying));
  for (const { row, target, summary } of claims) {
    if (row.state === 'ready' && target === 'ready') continue;
    if (row.state === 'rejected' || (row.state === 'draft' && target === 'ready')) {
      steps.push({ row, to: 'scrubbed', summary, n: 1 });
      if (target !== 'scrubbed')
        steps.push({ row: { ...row, state: 'scrubbed' }, to: target, summary, n: 2 });
    } else steps.push({ row, to: target, summary, n: 1 });
  }
  const groups = new Map<string, { rows: ClaimRow[]; to: ClaimState; summary: Settle['summary'] }>();
  for (const s of steps) {
    const key = `${s.n}|${s.to}|${s.summary.errors}|${s.summary.warnings}`;
    const group = groups.get(key) ?? { rows: [], to: s.to, summary: s.summary };
    group.rows.push(s.row);
    groups.set(key, group);
  }
  for (const key of [...groups.keys()].sort()) {
    const { rows, to, summary } = groups.get(key)!;
    const reason =
      summary.errors === 0 && summary.warnings === 0 ? 'scrubbed clean' : 'scrubbed with findings';
    await moveClaims(tx, rows, to, actor, reason, summary, scrubbedAt);
  }
}
