// Pure rules of the chart merge: which references in a message resolve (to the message itself or
// to records on file), which payer a coverage means, and which fields an import changes. No
// database here: src/charts/import.ts loads what is on file and writes what these decide.
import type { ChartContent, ChartCoverage, ChartPatient } from './content.ts';
import { chartProblem, type ChartProblem } from './problems.ts';

/** What the practice already has, keyed the way a chart names it. */
export interface OnFile {
  /** Patients by MRN (account number). */
  patientMrns: ReadonlySet<string>;
  /** Providers by NPI. */
  providerNpis: ReadonlySet<string>;
  /** Encounters by the EHR's visit number. */
  encounterIds: ReadonlySet<string>;
  payers: readonly PayerRef[];
}

export interface PayerRef {
  id: number;
  payerId: string;
  name: string;
}

/** The practice's payer a coverage names: by payer id first, then by name (case and spacing aside). */
export function matchPayer(payers: readonly PayerRef[], c: ChartCoverage): PayerRef | undefined {
  if (c.payerId) {
    const byId = payers.find((p) => p.payerId === c.payerId);
    if (byId) return byId;
  }
  if (c.payerName) {
    const name = squash(c.payerName);
    return payers.find((p) => squash(p.name) === name);
  }
  return undefined;
}

const squash = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Every reference in the message that points nowhere, and every field the records need that is
 * missing. Any error here means the import writes nothing: a message is imported whole or not at all.
 */
export function checkChart(content: ChartContent, onFile: OnFile): ChartProblem[] {
  const problems: ChartProblem[] = [];
  const mrns = new Set([...onFile.patientMrns, ...content.patients.map((p) => p.mrn)]);
  const npis = new Set([...onFile.providerNpis, ...content.practitioners.map((p) => p.npi)]);
  const visits = new Set([...onFile.encounterIds, ...content.encounters.map((e) => e.encounterId)]);
  const missing = (what: string, where: ChartPatient['where']) =>
    problems.push(chartProblem('CHART_MISSING_FIELD', `${what} is missing`, where));
  const dangling = (what: string, id: string, where: ChartPatient['where']) =>
    problems.push(
      chartProblem('CHART_DANGLING_REFERENCE', `${what} ${id} is neither in the message nor on file`, where),
    );

  for (const p of content.patients) {
    if (!p.mrn) missing('the patient MRN', p.where);
    if (!p.lastName) missing("the patient's last name", p.where);
    if (!p.dateOfBirth) missing("the patient's date of birth", p.where);
  }
  for (const p of content.practitioners) if (!p.npi) missing("the practitioner's NPI", p.where);
  for (const c of content.coverages) {
    if (!mrns.has(c.patientMrn)) dangling('coverage patient', c.patientMrn, c.where);
    if (!c.memberId) missing('the member id', c.where);
    if (!matchPayer(onFile.payers, c))
      problems.push(
        chartProblem(
          'CHART_UNKNOWN_PAYER',
          `payer ${c.payerId ?? ''} ${c.payerName ?? ''}`.replace(/\s+/g, ' ').trim() +
            " matches none of the practice's payers",
          c.where,
        ),
      );
  }
  for (const e of content.encounters) {
    if (!e.encounterId) missing('the encounter (visit) number', e.where);
    if (!e.serviceDateFrom) missing('the date of service', e.where);
    if (!mrns.has(e.patientMrn)) dangling('encounter patient', e.patientMrn, e.where);
    if (e.renderingNpi && !npis.has(e.renderingNpi))
      dangling('rendering practitioner NPI', e.renderingNpi, e.where);
    if (!e.renderingNpi && !onFile.encounterIds.has(e.encounterId))
      problems.push(
        chartProblem(
          'CHART_UNKNOWN_PROVIDER',
          `encounter ${e.encounterId} names no rendering practitioner`,
          e.where,
        ),
      );
  }
  for (const d of content.documents)
    if (!visits.has(d.encounterId)) dangling('document encounter', d.encounterId, d.where);
  for (const c of content.codes)
    if (!visits.has(c.encounterId)) dangling('code encounter', c.encounterId, c.where);
  return problems;
}

/** The fields whose incoming value differs from the record's (undefined incoming values keep the record's). */
export function changedFields<T extends Record<string, unknown>>(
  existing: Record<string, unknown>,
  incoming: T,
): Partial<T> {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(incoming)) {
    if (value === undefined) continue;
    if (!same(existing[key], value)) changed[key] = value;
  }
  return changed as Partial<T>;
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Uint8Array && b instanceof Uint8Array) return Buffer.compare(a, b) === 0;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  return (a ?? null) === (b ?? null);
}

/** Last one wins when a message names the same thing twice (an A08 after an A04 in one batch). */
export function lastByKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((i) => [key(i), i])).values()];
}
