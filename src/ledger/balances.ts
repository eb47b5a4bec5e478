import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { claimServiceLines } from '../claims/index.ts';
import type { Executor } from '../db/connection.ts';
import { isAnyOf } from '../db/raw.ts';
import {
  COMPONENTS,
  KIND_EFFECTS,
  balancesFromSums,
  zeroSums,
  type Balances,
  type Component,
  type Sums,
} from './kinds.ts';
import { ledgerEntry } from './tables.ts';

// Each component as one SUM(CASE …) built from KIND_EFFECTS: the database adds, the table decides.
// The kinds and accounts are the constants of kinds.ts, never user input.
function componentSql(component: Component): SQL {
  const whens: string[] = [];
  for (const [kind, accounts] of Object.entries(KIND_EFFECTS))
    for (const [account, effect] of Object.entries(accounts)) {
      const sign = effect[component];
      if (sign)
        whens.push(
          `when kind = '${kind}' and account = '${account}' then ${sign === 1 ? '' : '-'}amount_cents`,
        );
    }
  return sql.raw(`coalesce(sum(case ${whens.join(' ')} else 0 end), 0)::bigint`);
}

/** Every component as a SQL sum, for queries that group entries their own way (A/R by line). */
export const SUMS = Object.fromEntries(COMPONENTS.map((c) => [c, componentSql(c)])) as Record<Component, SQL>;

export const toSums = (row: Record<Component, unknown>): Sums => {
  const sums = zeroSums();
  for (const c of COMPONENTS) sums[c] = Number(row[c]);
  return sums;
};

async function sumWhere(db: Executor, where: SQL | undefined): Promise<Balances> {
  const [row] = await db.select(SUMS).from(ledgerEntry).where(where);
  return balancesFromSums(toSums(row!));
}

export type LineBalances = Balances & { serviceLineId: number };

/** The balances of each service line (lines with no entries have zeros), in the order asked. */
export async function lineBalances(db: Executor, serviceLineIds: readonly number[]): Promise<LineBalances[]> {
  if (serviceLineIds.length === 0) return [];
  const rows = await db
    .select({ serviceLineId: ledgerEntry.serviceLineId, ...SUMS })
    .from(ledgerEntry)
    .where(isAnyOf(ledgerEntry.serviceLineId, serviceLineIds))
    .groupBy(ledgerEntry.serviceLineId);
  const byLine = new Map(rows.map((r) => [r.serviceLineId!, balancesFromSums(toSums(r))]));
  return serviceLineIds.map((id) => ({
    serviceLineId: id,
    ...(byLine.get(id) ?? balancesFromSums(zeroSums())),
  }));
}

const add = (a: Balances, b: Balances): Balances => {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof Balances)[]) out[k] = a[k] + b[k];
  return out;
};

/**
 * The balances of the encounter lines a claim bills (every payer's entries on them: what is
 * still open on the lines, not only this claim's share), the total and each line.
 */
export async function claimBalances(db: Executor, claimId: number) {
  const claim = await claimServiceLines(db, claimId);
  if (!claim) return undefined;
  const lines = await lineBalances(db, claim.serviceLineIds);
  const total = lines.reduce<Balances>(
    (sum, { serviceLineId: _id, ...b }) => add(sum, b),
    balancesFromSums(zeroSums()),
  );
  return { ...total, lines };
}

/**
 * Everything a patient owes or is owed: the sums of all their entries. `credit` is money paid and
 * not applied to a line yet (nor refunded); it is already counted in patientBalance.
 */
export async function patientBalance(db: Executor, practiceId: number, patientId: number) {
  const where = and(eq(ledgerEntry.practiceId, practiceId), eq(ledgerEntry.patientId, patientId));
  const total = await sumWhere(db, where);
  const unapplied = await sumWhere(db, and(where, isNull(ledgerEntry.serviceLineId)));
  return { ...total, credit: unapplied.patientPaid - unapplied.refunds };
}

/** The sums of every entry naming a payer: its claims' lines and its payer-level adjustments (PLB). */
export async function payerBalance(db: Executor, practiceId: number, payerId: number): Promise<Balances> {
  return sumWhere(db, and(eq(ledgerEntry.practiceId, practiceId), eq(ledgerEntry.payerId, payerId)));
}
