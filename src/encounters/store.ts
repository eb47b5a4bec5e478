import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { patientFieldsOf } from '../patients/index.ts';
import { feeEntriesFor } from '../practices/lookup.ts';
import { lineChargeFor } from '../practices/fee-schedule.ts';
import type { FieldError } from '../shared/problem.ts';
import { searchCondition } from '../http/resource.ts';
import { groupBy } from '../shared/group-by.ts';
import type { EncounterInput } from './schema.ts';
import { drugOf } from './service-line.ts';
import { encounter, serviceLine } from './tables.ts';

type LineRow = typeof serviceLine.$inferSelect;

/** Fills each line's charge from the fee schedule where the user left it out; names the lines it cannot fill. */
export async function fillCharges(
  db: Executor,
  practiceId: number,
  input: Pick<EncounterInput, 'serviceLines' | 'serviceDateFrom'>,
) {
  const codes = [
    ...new Set(
      input.serviceLines.flatMap((l) =>
        l.chargeCents === undefined && l.procedureCode ? [l.procedureCode] : [],
      ),
    ),
  ];
  const entries = await feeEntriesFor(db, practiceId, codes);
  const errors: FieldError[] = [];
  const lines = input.serviceLines.map((line, i) => {
    if (line.chargeCents !== undefined) return { ...line, chargeCents: line.chargeCents };
    const date = line.serviceDate ?? input.serviceDateFrom;
    const code = line.procedureCode;
    const charge = code
      ? lineChargeFor(entries, {
          procedureCode: code,
          modifiers: line.modifiers ?? [],
          serviceDate: date,
          units: line.units,
        })
      : undefined;
    if (charge === undefined)
      errors.push({
        pointer: `/serviceLines/${i}/chargeCents`,
        detail: code
          ? `no fee schedule entry for ${code} on ${date}: enter the charge`
          : 'a line without a procedure code needs its charge entered',
      });
    return { ...line, chargeCents: charge ?? 0 };
  });
  return { lines, errors };
}

export async function replaceServiceLines(
  db: Executor,
  practiceId: number,
  encounterId: number,
  serviceDateFrom: string,
  lines: (EncounterInput['serviceLines'][number] & { chargeCents: number })[],
) {
  await db.delete(serviceLine).where(eq(serviceLine.encounterId, encounterId));
  // A visit not yet coded has no lines (a coder saving before the first procedure).
  if (lines.length === 0) return [];
  return db
    .insert(serviceLine)
    .values(
      lines.map((l, i) => ({
        practiceId,
        encounterId,
        lineNumber: i + 1,
        serviceDate: l.serviceDate ?? serviceDateFrom,
        procedureCode: l.procedureCode ?? '',
        modifiers: l.modifiers ?? [],
        units: String(l.units),
        chargeCents: l.chargeCents,
        diagnosisPointers: l.diagnosisPointers,
        ndc: l.ndc ?? null,
        ndcQuantity: l.ndc && l.ndcQuantity != null ? String(l.ndcQuantity) : null,
        ndcUnit: l.ndc ? (l.ndcUnit ?? null) : null,
        revenueCode: l.revenueCode ?? null,
      })),
    )
    .returning();
}

const lineOut = (l: LineRow) => ({ ...l, units: Number(l.units), ...drugOf(l) });

export async function loadEncounter(db: Executor, id: number, scope: number[]) {
  const [row] = await db
    .select()
    .from(encounter)
    .where(and(eq(encounter.id, id), inArray(encounter.practiceId, scope.length ? scope : [-1])));
  if (!row) return undefined;
  const lines = await db
    .select()
    .from(serviceLine)
    .where(eq(serviceLine.encounterId, id))
    .orderBy(asc(serviceLine.lineNumber));
  return { ...row, serviceLines: lines.map(lineOut) };
}

/** loadEncounter for many encounters in two reads (posting an 835 chunk makes hundreds of secondary claims). */
export async function loadEncounters(db: Executor, ids: readonly number[], scope: number[]) {
  if (!ids.length) return [];
  const rows = await db
    .select()
    .from(encounter)
    .where(and(inArray(encounter.id, [...ids]), inArray(encounter.practiceId, scope.length ? scope : [-1])));
  if (!rows.length) return [];
  const lines = await db
    .select()
    .from(serviceLine)
    .where(
      inArray(
        serviceLine.encounterId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(serviceLine.encounterId), asc(serviceLine.lineNumber));
  const linesOf = groupBy(lines.map(lineOut), (l) => l.encounterId);
  return rows.map((row) => ({ ...row, serviceLines: linesOf.get(row.id) ?? [] }));
}

export interface EncounterListQuery {
  page?: number;
  pageSize?: number;
  /** updatedAt: the last saved first (where the encounter form returns to). */
  sort?: 'serviceDateFrom' | 'patientName' | 'status' | 'createdAt' | 'updatedAt';
  order?: 'asc' | 'desc';
  q?: string;
  practiceId?: number;
  patientId?: number;
  status?: string;
  renderingProviderId?: number;
  from?: string;
  to?: string;
}

export async function listEncounters(db: Executor, scope: number[], query: EncounterListQuery) {
  const { page = 1, pageSize = 25 } = query;
  const practices = query.practiceId ? scope.filter((p) => p === query.practiceId) : scope;
  const patient = patientFieldsOf(encounter.patientId);
  const conditions: (SQL | undefined)[] = [
    inArray(encounter.practiceId, practices.length ? practices : [-1]),
    searchCondition([patient.lastName, patient.firstName, patient.accountNumber], query.q),
    query.patientId ? eq(encounter.patientId, query.patientId) : undefined,
    query.status ? eq(encounter.status, query.status) : undefined,
    query.renderingProviderId ? eq(encounter.renderingProviderId, query.renderingProviderId) : undefined,
    query.from ? sql`${encounter.serviceDateFrom} >= ${query.from}` : undefined,
    query.to ? sql`${encounter.serviceDateFrom} <= ${query.to}` : undefined,
  ];
  const where = and(...conditions);
  const patientName = patient.name;
  const sortColumn = {
    serviceDateFrom: encounter.serviceDateFrom,
    patientName,
    status: encounter.status,
    createdAt: encounter.createdAt,
    updatedAt: encounter.updatedAt,
  }[query.sort ?? 'serviceDateFrom'];
  const direction = (query.order ?? (query.sort ? 'asc' : 'desc')) === 'desc' ? desc : asc;
  const totals = db
    .select({
      encounterId: serviceLine.encounterId,
      lineCount: sql<number>`count(*)::int`.as('line_count'),
      totalChargeCents: sql<number>`sum(${serviceLine.chargeCents})::int`.as('total_charge_cents'),
    })
    .from(serviceLine)
    .groupBy(serviceLine.encounterId)
    .as('totals');
  const items = await db
    .select({
      id: encounter.id,
      practiceId: encounter.practiceId,
      patientId: encounter.patientId,
      patientName,
      accountNumber: patient.accountNumber,
      serviceDateFrom: encounter.serviceDateFrom,
      placeOfService: encounter.placeOfService,
      renderingProviderId: encounter.renderingProviderId,
      status: encounter.status,
      diagnoses: encounter.diagnoses,
      lineCount: sql<number>`coalesce(${totals.lineCount}, 0)`,
      totalChargeCents: sql<number>`coalesce(${totals.totalChargeCents}, 0)`,
      createdAt: encounter.createdAt,
    })
    .from(encounter)
    .leftJoin(totals, eq(totals.encounterId, encounter.id))
    .where(where)
    .orderBy(direction(sortColumn), desc(encounter.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await db.select({ n: count() }).from(encounter).where(where);
  return { items, total: total?.n ?? 0, page, pageSize };
}
