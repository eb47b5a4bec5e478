import { eq } from 'drizzle-orm';
import type { AuditActor } from '../audit/index.ts';
import type { Executor } from '../db/connection.ts';
import type { ClaimLookups } from './scrub-view.ts';
import { scrubClaim } from '../scrubber/scrub.ts';
import { loadScrubClaim, loadScrubContext } from './scrub-view.ts';
import type { ClaimState } from './states.ts';
import { moveClaim, type ClaimRow } from './store.ts';
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
  const lines = await tx.select().from(claimLine).where(eq(claimLine.claimId, row.id));
  const view = await loadScrubClaim(tx, row, lines);
  const result = scrubClaim(view, await loadScrubContext(tx, row, view, today, lookups));
  const previous = await tx.select().from(claimFinding).where(eq(claimFinding.claimId, row.id));
  const keyOf = (f: { code: string; field: string; message: string }) => `${f.code}|${f.field}|${f.message}`;
  const overrides = new Map(previous.filter((f) => f.overridden).map((f) => [keyOf(f), f]));
  await tx.delete(claimFinding).where(eq(claimFinding.claimId, row.id));
  if (result.findings.length) {
    await tx.insert(claimFinding).values(
      result.findings.map((f) => {
        const kept = f.severity === 'warning' ? overrides.get(keyOf(f)) : undefined;
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
  }
  const pendingWarnings = result.findings.filter(
    (f) => f.severity === 'warning' && !overrides.has(keyOf(f)),
  ).length;
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  await tx.update(claim).set({ scrubbedAt: new Date() }).where(eq(claim.id, row.id));
  const summary = { errors, warnings: pendingWarnings };
  await settleAfterScrub(
    tx,
    row,
    errors === 0 && pendingWarnings === 0 ? 'ready' : 'scrubbed',
    actor,
    summary,
  );
  return { ...result, ...summary };
}

/** From wherever the claim is, walk to scrubbed or ready along allowed transitions. */
async function settleAfterScrub(
  tx: Executor,
  row: ClaimRow,
  target: ClaimState,
  actor: AuditActor,
  summary: object,
) {
  const reason = target === 'ready' ? 'scrubbed clean' : 'scrubbed with findings';
  if (row.state === 'ready' && target === 'ready') return;
  if (row.state === 'rejected' || (row.state === 'draft' && target === 'ready')) {
    await moveClaim(tx, row, 'scrubbed', actor, reason, summary);
    row = { ...row, state: 'scrubbed' };
    if (target === 'scrubbed') return;
  }
  await moveClaim(tx, row, target, actor, reason, summary);
}
