import { and, desc, eq, inArray, max, sql } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../../audit/index.ts';
import type { Executor } from '../../db/connection.ts';
import { serviceLinesByIds } from '../../encounters/index.ts';
import { patientsByIds } from '../../patients/index.ts';
import { practiceById } from '../../practices/index.ts';
import { notFound } from '../../shared/problem.ts';
import { CHUNK, inChunks } from '../ar/in-chunks.ts';
import { linesOfAr, type LineOfAr } from '../ar/open-lines.ts';
import {
  buildStatement,
  isDueForStatement,
  personName,
  type Statement,
  type StatementLineInput,
  type StatementPatient,
  type StatementPractice,
} from './statement.ts';
import { patientStatement, statementRun, statementSettings } from './tables.ts';

export interface StatementSettingsValues {
  minimumBalanceCents: number;
  daysBetweenStatements: number;
  dueInDays: number;
  howToPay: string;
}

const defaultHowToPay = (phone: string | null | undefined) =>
  `Mail a check with the stub below, writing your account number on it${
    phone ? `, or call ${phone.replace(/^(\d{3})(\d{3})(\d{4})$/, '($1) $2-$3')} to pay by card` : ''
  }. Questions about your bill? Call us; we are glad to set up a payment plan.`;

/** The practice's statement rules, or the defaults ($5.00, 30 days, due in 30 days) until a manager sets them. */
export async function statementSettingsOf(
  db: Executor,
  practiceId: number,
): Promise<StatementSettingsValues> {
  const [row] = await db.select().from(statementSettings).where(eq(statementSettings.practiceId, practiceId));
  if (row)
    return {
      minimumBalanceCents: row.minimumBalanceCents,
      daysBetweenStatements: row.daysBetweenStatements,
      dueInDays: row.dueInDays,
      howToPay: row.howToPay,
    };
  const practice = await practiceById(db, practiceId);
  return {
    minimumBalanceCents: 500,
    daysBetweenStatements: 30,
    dueInDays: 30,
    howToPay: defaultHowToPay(practice?.phone),
  };
}

export interface StatementCandidate {
  patientId: number;
  name: string;
  accountNumber: string;
  amountDueCents: number;
  lastStatementDate: string | null;
}

/** Who a run made today would bill, with what each owes; nothing is stored. */
export async function statementCandidates(db: Executor, practiceId: number, today: string) {
  const settings = await statementSettingsOf(db, practiceId);
  const { lines, credits } = await linesOfAr(db, practiceId);
  const due = new Map<number, number>();
  for (const l of lines) due.set(l.patientId, (due.get(l.patientId) ?? 0) + l.balances.patientBalance);
  for (const c of credits) due.set(c.patientId, (due.get(c.patientId) ?? 0) - c.creditCents);
  const last = new Map(
    (
      await db
        .select({ patientId: patientStatement.patientId, date: max(patientStatement.statementDate) })
        .from(patientStatement)
        .where(eq(patientStatement.practiceId, practiceId))
        .groupBy(patientStatement.patientId)
    ).map((r) => [r.patientId, r.date]),
  );
  const chosen = [...due.entries()].filter(([patientId, cents]) =>
    isDueForStatement(cents, last.get(patientId) ?? null, settings, today),
  );
  const patients = new Map(
    (
      await inChunks(
        chosen.map(([id]) => id),
        (ids) => patientsByIds(db, practiceId, ids),
      )
    ).map((p) => [p.id, p]),
  );
  const candidates: StatementCandidate[] = chosen
    .filter(([id]) => patients.has(id))
    .map(([patientId, amountDueCents]) => {
      const p = patients.get(patientId)!;
      return {
        patientId,
        name: personName(p),
        accountNumber: p.accountNumber,
        amountDueCents,
        lastStatementDate: last.get(patientId) ?? null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.patientId - b.patientId);
  return { settings, candidates, lines, credits };
}

/**
 * Makes today's statement run: a statement for every patient due one (minimum balance, days
 * since their last statement), stored as printed, with one audit event, in the caller's
 * transaction. Runs of one practice wait for each other, so two at once never bill a patient twice.
 */
export async function runStatements(tx: Executor, practiceId: number, today: string, actor: AuditActor) {
  await tx.execute(sql`select pg_advisory_xact_lock(${STATEMENT_RUN_LOCK}, ${practiceId})`);
  const practice = await practiceById(tx, practiceId);
  if (!practice) throw notFound('practice');
  const { settings, candidates, lines, credits } = await statementCandidates(tx, practiceId, today);
  const patients = new Map(
    (
      await inChunks(
        candidates.map((c) => c.patientId),
        (ids) => patientsByIds(tx, practiceId, ids),
      )
    ).map((p) => [p.id, p]),
  );
  const billed = new Set(candidates.map((c) => c.patientId));
  const theirLines = lines.filter((l) => billed.has(l.patientId));
  const details = new Map(
    (
      await inChunks(
        theirLines.map((l) => l.serviceLineId),
        (ids) => serviceLinesByIds(tx, ids),
      )
    ).map((d) => [d.id, d]),
  );
  const creditOf = new Map(credits.map((c) => [c.patientId, c.creditCents]));
  const statements: Statement[] = candidates.map((c) =>
    buildStatement({
      statementDate: today,
      practice: statementPractice(practice),
      patient: statementPatient(patients.get(c.patientId)!),
      lines: theirLines.filter((l) => l.patientId === c.patientId).flatMap((l) => statementLine(l, details)),
      creditCents: creditOf.get(c.patientId) ?? 0,
      howToPay: settings.howToPay,
      dueInDays: settings.dueInDays,
    }),
  );
  const totalDueCents = statements.reduce((s, st) => s + st.amountDueCents, 0);
  const [run] = await tx
    .insert(statementRun)
    .values({
      practiceId,
      statementDate: today,
      statementCount: statements.length,
      totalDueCents,
      userId: actor.userId,
    })
    .returning();
  for (let i = 0; i < statements.length; i += CHUNK)
    await tx.insert(patientStatement).values(
      statements.slice(i, i + CHUNK).map((s) => ({
        practiceId,
        runId: run!.id,
        patientId: s.patient.id,
        statementDate: today,
        amountDueCents: s.amountDueCents,
        content: s,
      })),
    );
  await recordAudit(tx, actor, {
    practiceId,
    action: 'create',
    entity: 'statement_run',
    entityId: run!.id,
    after: run,
    detail: { patientIds: statements.map((s) => s.patient.id), settings },
  });
  return run!;
}

// What a statement keeps of the practice and the patient: what it prints, and no more PHI than that.
const statementPractice = (p: StatementPractice): StatementPractice => ({
  name: p.name,
  address1: p.address1,
  address2: p.address2 ?? null,
  city: p.city,
  state: p.state,
  zip: p.zip,
  phone: p.phone ?? null,
  payToAddress1: p.payToAddress1 ?? null,
  payToCity: p.payToCity ?? null,
  payToState: p.payToState ?? null,
  payToZip: p.payToZip ?? null,
});

const statementPatient = (p: StatementPatient): StatementPatient => ({
  id: p.id,
  accountNumber: p.accountNumber,
  firstName: p.firstName,
  middleName: p.middleName ?? null,
  lastName: p.lastName,
  address1: p.address1,
  address2: p.address2 ?? null,
  city: p.city,
  state: p.state,
  zip: p.zip,
  guarantorRelationship: p.guarantorRelationship,
  guarantorFirstName: p.guarantorFirstName ?? null,
  guarantorLastName: p.guarantorLastName ?? null,
});

/** pg_advisory_xact_lock's first key for statement runs (the second is the practice). */
const STATEMENT_RUN_LOCK = 0x5354; // "ST"

function statementLine(
  l: LineOfAr,
  details: Map<number, Awaited<ReturnType<typeof serviceLinesByIds>>[number]>,
): StatementLineInput[] {
  const d = details.get(l.serviceLineId);
  if (!d) return [];
  const b = l.balances;
  return [
    {
      serviceLineId: l.serviceLineId,
      encounterId: d.encounterId,
      serviceDate: d.serviceDate,
      procedureCode: d.procedureCode || (d.revenueCode ? `Rev ${d.revenueCode}` : ''),
      modifiers: d.modifiers,
      description: null,
      chargeCents: b.charge,
      insurancePaidCents: b.insurancePaid,
      insuranceAdjustedCents: b.adjustments,
      insuranceBalanceCents: b.insuranceBalance,
      patientResponsibilityCents: b.patientResponsibility,
      patientPaidCents: b.patientPaid - b.refunds,
      patientBalanceCents: b.patientBalance,
    },
  ];
}

/** The runs of the practices in scope, newest first. */
export async function listRuns(db: Executor, practiceIds: number[], practiceId?: number) {
  const ids = practiceId === undefined ? practiceIds : practiceIds.filter((id) => id === practiceId);
  if (ids.length === 0) return [];
  return db
    .select()
    .from(statementRun)
    .where(inArray(statementRun.practiceId, ids))
    .orderBy(desc(statementRun.id))
    .limit(200);
}

export async function findRun(db: Executor, id: number, practiceIds: number[]) {
  if (practiceIds.length === 0) return undefined;
  const [run] = await db
    .select()
    .from(statementRun)
    .where(and(eq(statementRun.id, id), inArray(statementRun.practiceId, practiceIds)));
  return run;
}

/** The statements of a run (or the one asked), as stored, in the caller's scope. */
export async function statementsOf(
  db: Executor,
  where: { runId: number } | { id: number },
  practiceIds: number[],
) {
  if (practiceIds.length === 0) return [];
  return db
    .select()
    .from(patientStatement)
    .where(
      and(
        'runId' in where ? eq(patientStatement.runId, where.runId) : eq(patientStatement.id, where.id),
        inArray(patientStatement.practiceId, practiceIds),
      ),
    )
    .orderBy(patientStatement.id);
}
