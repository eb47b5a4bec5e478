import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit, recordAudits, type AuditActor, type AuditEntry } from '../audit/index.ts';
import { enqueueChart } from '../coding/index.ts';
import type { Executor } from '../db/connection.ts';
import {
  addEncounters,
  encountersByExternalIds,
  updateEncounter,
  type EncounterRow,
} from '../encounters/index.ts';
import {
  addCoverages,
  addPatients,
  coveragesOfPatients,
  patientsByAccountNumbers,
  updateCoverage,
  updatePatient,
  type PatientRow,
} from '../patients/index.ts';
import { payersOfPractice } from '../payers/index.ts';
import { addProviders, providersByNpis } from '../practices/index.ts';
import type { ChartContent, ChartEncounter, ChartPatient } from './content.ts';
import { changedFields, checkChart, lastByKey, matchPayer } from './merge.ts';
import { chartProblem, type ChartProblem } from './problems.ts';
import { chartCode, chartDocument, chartImport } from './tables.ts';

export const CHART_KINDS = [
  'patients',
  'practitioners',
  'coverages',
  'encounters',
  'documents',
  'codes',
] as const;
export type ChartKind = (typeof CHART_KINDS)[number];
export interface KindCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ChartImportResult {
  /** False when a problem stopped the import: then nothing was written. */
  imported: boolean;
  /** The same content was imported before (found by its SHA-256): nothing changed. */
  duplicate: boolean;
  created: number;
  updated: number;
  unchanged: number;
  byKind: Record<ChartKind, KindCounts>;
  problems: ChartProblem[];
  /** The practice's encounters the message created or touched (the coding queue takes them). */
  encounterIds: number[];
  importId?: number;
}

/** SHA-256 of the content as read: attachments as base64, so the same bytes hash the same. */
export function chartContentHash(content: ChartContent): string {
  const json = JSON.stringify(content, (_k, v: unknown) =>
    v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v,
  );
  return createHash('sha256').update(json).digest('hex');
}

/**
 * Merges a chart message into the practice, in one transaction with its audit events: patients by
 * MRN, practitioners by NPI, coverages by payer and member id, encounters by the EHR's visit number,
 * documents by their source id, codes by code. Importing the same content again changes nothing;
 * a reference that points nowhere stops the import and nothing is written.
 */
export async function importChartContent(
  db: Executor,
  practiceId: number,
  content: ChartContent,
  actor: AuditActor,
  options: { today?: string } = {},
): Promise<ChartImportResult> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const sha256 = chartContentHash(content);
  return db.transaction(async (tx) => {
    const [seen] = await tx
      .select({ id: chartImport.id })
      .from(chartImport)
      .where(and(eq(chartImport.practiceId, practiceId), eq(chartImport.sha256, sha256)));
    if (seen) {
      const result = emptyResult(true);
      result.duplicate = true;
      result.importId = seen.id;
      result.problems.push(
        chartProblem(
          'CHART_DUPLICATE',
          `${content.sourceId} was imported before (import ${seen.id})`,
          {},
          'info',
        ),
      );
      return result;
    }
    const merge = new ChartMerge(tx, practiceId, actor, today);
    const problems = await merge.load(content);
    if (problems.some((p) => p.severity === 'error' || p.severity === 'fatal')) {
      const result = emptyResult(false);
      result.problems = problems;
      return result;
    }
    const result = await merge.write(content);
    result.problems = problems;
    const [row] = await tx
      .insert(chartImport)
      .values({
        practiceId,
        format: content.format,
        sourceId: content.sourceId,
        sha256,
        counts: result.byKind,
        problems,
        userId: actor.userId,
        userEmail: actor.userEmail,
      })
      .returning({ id: chartImport.id });
    result.importId = row!.id;
    await recordAudit(tx, actor, {
      practiceId,
      action: 'import',
      entity: 'chart_import',
      entityId: row!.id,
      detail: { format: content.format, sourceId: content.sourceId, counts: result.byKind },
    });
    return result;
  });
}

function emptyResult(imported: boolean): ChartImportResult {
  const byKind = Object.fromEntries(
    CHART_KINDS.map((k) => [k, { created: 0, updated: 0, unchanged: 0 }]),
  ) as Record<ChartKind, KindCounts>;
  return {
    imported,
    duplicate: false,
    created: 0,
    updated: 0,
    unchanged: 0,
    byKind,
    problems: [],
    encounterIds: [],
  };
}

const patientFields = (p: ChartPatient) => ({
  firstName: p.firstName,
  lastName: p.lastName,
  middleName: p.middleName,
  dateOfBirth: p.dateOfBirth,
  sex: p.sex,
  address1: p.address1,
  city: p.city,
  state: p.state,
  zip: p.zip,
  phone: p.phone,
});

/** One message's merge: what is on file, loaded once, then written kind by kind. */
class ChartMerge {
  private patients = new Map<string, PatientRow>();
  private providers = new Map<string, number>();
  private encounters = new Map<string, EncounterRow>();
  private payers: Awaited<ReturnType<typeof payersOfPractice>> = [];
  private audits: AuditEntry[] = [];
  private result = emptyResult(true);

  constructor(
    private tx: Executor,
    private practiceId: number,
    private actor: AuditActor,
    private today: string,
  ) {}

  async load(content: ChartContent): Promise<ChartProblem[]> {
    const mrns = new Set([
      ...content.patients.map((p) => p.mrn),
      ...content.coverages.map((c) => c.patientMrn),
      ...content.encounters.map((e) => e.patientMrn),
    ]);
    for (const p of await patientsByAccountNumbers(this.tx, this.practiceId, [...mrns]))
      this.patients.set(p.accountNumber, p);
    const npis = new Set([
      ...content.practitioners.map((p) => p.npi),
      ...content.encounters.flatMap((e) => (e.renderingNpi ? [e.renderingNpi] : [])),
    ]);
    for (const p of await providersByNpis(this.tx, this.practiceId, [...npis]))
      this.providers.set(p.npi, p.id);
    const visits = new Set([
      ...content.encounters.map((e) => e.encounterId),
      ...content.documents.map((d) => d.encounterId),
      ...content.codes.map((c) => c.encounterId),
    ]);
    for (const e of await encountersByExternalIds(this.tx, this.practiceId, [...visits]))
      this.encounters.set(e.externalId!, e);
    if (content.coverages.length > 0) this.payers = await payersOfPractice(this.tx, this.practiceId);
    return checkChart(content, {
      patientMrns: new Set(this.patients.keys()),
      providerNpis: new Set(this.providers.keys()),
      encounterIds: new Set(this.encounters.keys()),
      payers: this.payers,
    });
  }

  async write(content: ChartContent): Promise<ChartImportResult> {
    await this.writePatients(content);
    await this.writePractitioners(content);
    await this.writeCoverages(content);
    await this.writeEncounters(content);
    await this.writeDocuments(content);
    await this.writeCodes(content);
    await recordAudits(this.tx, this.actor, this.audits);
    const r = this.result;
    for (const k of CHART_KINDS) {
      r.created += r.byKind[k].created;
      r.updated += r.byKind[k].updated;
      r.unchanged += r.byKind[k].unchanged;
    }
    r.encounterIds = [...new Set(r.encounterIds)];
    return r;
  }

  private count(kind: ChartKind, what: keyof KindCounts) {
    this.result.byKind[kind][what] += 1;
  }

  private audit(
    action: 'create' | 'update',
    entity: string,
    entityId: number,
    before: unknown,
    after: unknown,
  ) {
    this.audits.push({
      practiceId: this.practiceId,
      action,
      entity,
      entityId,
      before,
      after,
      detail: { via: 'chart import' },
    });
  }

  private async writePatients(content: ChartContent) {
    for (const p of lastByKey(content.patients, (p) => p.mrn)) {
      const fields = patientFields(p);
      const row = this.patients.get(p.mrn);
      if (row) {
        const changed = changedFields(row, fields);
        if (Object.keys(changed).length === 0) {
          this.count('patients', 'unchanged');
          continue;
        }
        await updatePatient(this.tx, row.id, changed);
        this.audit('update', 'patient', row.id, pick(row, Object.keys(changed)), changed);
        this.patients.set(p.mrn, { ...row, ...changed });
        this.count('patients', 'updated');
      } else {
        const values = {
          ...fields,
          practiceId: this.practiceId,
          accountNumber: p.mrn,
          // The EHR may send no address; the biller completes it before a claim (the scrubber asks).
          address1: p.address1 ?? '',
          city: p.city ?? '',
          state: p.state ?? '',
          zip: p.zip ?? '',
        };
        const [id] = await addPatients(this.tx, [values]);
        this.audit('create', 'patient', id!, null, values);
        this.patients.set(p.mrn, { id: id!, ...values } as PatientRow);
        this.count('patients', 'created');
      }
    }
  }

  private async writePractitioners(content: ChartContent) {
    for (const p of lastByKey(content.practitioners, (p) => p.npi)) {
      // A provider on file is the practice's to change (credentials, taxonomy): the EHR only adds.
      if (this.providers.has(p.npi)) {
        this.count('practitioners', 'unchanged');
        continue;
      }
      const values = {
        practiceId: this.practiceId,
        npi: p.npi,
        firstName: p.firstName ?? '',
        lastName: p.lastName,
        kinds: ['rendering'],
      };
      const [id] = await addProviders(this.tx, [values]);
      this.audit('create', 'provider', id!, null, values);
      this.providers.set(p.npi, id!);
      this.count('practitioners', 'created');
    }
  }

  private async writeCoverages(content: ChartContent) {
    if (content.coverages.length === 0) return;
    const patientIds = [...new Set(content.coverages.map((c) => this.patients.get(c.patientMrn)!.id))];
    const onFile = await coveragesOfPatients(this.tx, patientIds);
    const firstVisit = (mrn: string) =>
      content.encounters
        .filter((e) => e.patientMrn === mrn)
        .map((e) => e.serviceDateFrom)
        .sort()[0];
    for (const c of content.coverages) {
      const patient = this.patients.get(c.patientMrn)!;
      const payer = matchPayer(this.payers, c)!;
      const fields = {
        priority: c.priority,
        groupNumber: c.groupNumber,
        relationship: c.relationship,
        effectiveDate: c.effectiveDate,
        terminationDate: c.terminationDate,
      };
      const row = onFile.find(
        (r) => r.patientId === patient.id && r.payerId === payer.id && r.memberId === c.memberId,
      );
      if (row) {
        const changed = changedFields(row, fields);
        if (Object.keys(changed).length === 0) {
          this.count('coverages', 'unchanged');
          continue;
        }
        await updateCoverage(this.tx, row.id, changed);
        this.audit('update', 'coverage', row.id, pick(row, Object.keys(changed)), changed);
        this.count('coverages', 'updated');
      } else {
        const values = {
          ...fields,
          practiceId: this.practiceId,
          patientId: patient.id,
          payerId: payer.id,
          memberId: c.memberId,
          // The chart names no subscriber apart from the patient: the biller corrects a dependent's.
          subscriberFirstName: patient.firstName,
          subscriberLastName: patient.lastName,
          subscriberDateOfBirth: c.relationship === 'self' ? patient.dateOfBirth : null,
          effectiveDate: c.effectiveDate ?? firstVisit(c.patientMrn) ?? this.today,
        };
        const [id] = await addCoverages(this.tx, [values]);
        this.audit('create', 'coverage', id!, null, values);
        onFile.push({ ...values, id: id! } as (typeof onFile)[number]);
        this.count('coverages', 'created');
      }
    }
  }

  private async writeEncounters(content: ChartContent) {
    for (const e of lastByKey(content.encounters, (e) => e.encounterId)) {
      await this.writeEncounter(e);
      // An imported chart waits in the coding queue (once: a chart already queued stays as it is).
      const id = this.encounters.get(e.encounterId)!.id;
      await enqueueChart(this.tx, this.practiceId, id, e.chartType, this.actor);
    }
  }

  private async writeEncounter(e: ChartEncounter) {
    const row = this.encounters.get(e.encounterId);
    const fields = {
      patientId: this.patients.get(e.patientMrn)!.id,
      serviceDateFrom: e.serviceDateFrom,
      serviceDateTo: e.serviceDateTo || e.serviceDateFrom,
      placeOfService: e.placeOfService,
      renderingProviderId: e.renderingNpi ? this.providers.get(e.renderingNpi) : undefined,
    };
    if (row) {
      this.result.encounterIds.push(row.id);
      const changed = changedFields(row, fields);
      if (Object.keys(changed).length === 0) {
        this.count('encounters', 'unchanged');
        return;
      }
      await updateEncounter(this.tx, row.id, changed);
      this.audit('update', 'encounter', row.id, pick(row, Object.keys(changed)), changed);
      this.count('encounters', 'updated');
    } else {
      const values = {
        ...fields,
        practiceId: this.practiceId,
        // Office (CMS POS 11) when the EHR says nothing: the coder sees and can change it.
        placeOfService: e.placeOfService ?? '11',
        renderingProviderId: fields.renderingProviderId!,
        externalId: e.encounterId,
        // The coder assigns the billed diagnoses; the EHR's codes are kept apart as chart codes.
        diagnoses: [] as string[],
      };
      const [id] = await addEncounters(this.tx, [values]);
      this.audit('create', 'encounter', id!, null, values);
      this.encounters.set(e.encounterId, { id: id!, ...values } as EncounterRow);
      this.result.encounterIds.push(id!);
      this.count('encounters', 'created');
    }
  }

  private async writeDocuments(content: ChartContent) {
    if (content.documents.length === 0) return;
    const keyed = content.documents.map((d, i) => ({
      d,
      sourceId: d.where.resource ?? `${content.sourceId}#${i + 1}`,
    }));
    const onFile = await this.tx
      .select()
      .from(chartDocument)
      .where(
        and(
          eq(chartDocument.practiceId, this.practiceId),
          eq(chartDocument.sourceFormat, content.format),
          inArray(
            chartDocument.sourceId,
            keyed.map((k) => k.sourceId),
          ),
        ),
      );
    for (const { d, sourceId } of lastByKey(keyed, (k) => k.sourceId)) {
      const encounterId = this.encounters.get(d.encounterId)!.id;
      this.result.encounterIds.push(encounterId);
      const fields = {
        encounterId,
        kind: d.kind,
        title: d.title,
        text: d.text,
        attachment: d.attachment ? Buffer.from(d.attachment.data) : undefined,
        attachmentContentType: d.attachment?.contentType,
        authoredAt: d.authoredAt,
        authorNpi: d.authorNpi,
      };
      const row = onFile.find((r) => r.sourceId === sourceId);
      if (row) {
        // Compared as instants: the database answers timestamps in its own format.
        const sameTime =
          row.authoredAt && d.authoredAt && Date.parse(row.authoredAt) === Date.parse(d.authoredAt);
        const changed = changedFields(row, sameTime ? { ...fields, authoredAt: undefined } : fields);
        if (Object.keys(changed).length === 0) {
          this.count('documents', 'unchanged');
          continue;
        }
        await this.tx
          .update(chartDocument)
          .set({ ...changed, updatedAt: new Date() })
          .where(eq(chartDocument.id, row.id));
        this.audit(
          'update',
          'chart_document',
          row.id,
          { title: row.title },
          { title: d.title, kind: d.kind },
        );
        this.count('documents', 'updated');
      } else {
        const [created] = await this.tx
          .insert(chartDocument)
          .values({ ...fields, practiceId: this.practiceId, sourceFormat: content.format, sourceId })
          .returning({ id: chartDocument.id });
        this.audit('create', 'chart_document', created!.id, null, {
          title: d.title,
          kind: d.kind,
          encounterId,
        });
        this.count('documents', 'created');
      }
    }
  }

  private async writeCodes(content: ChartContent) {
    if (content.codes.length === 0) return;
    const encounterIds = [...new Set(content.codes.map((c) => this.encounters.get(c.encounterId)!.id))];
    const onFile = await this.tx.select().from(chartCode).where(inArray(chartCode.encounterId, encounterIds));
    const key = (encounterId: number, kind: string, system: string, code: string) =>
      `${encounterId}|${kind}|${system}|${code}`;
    const seen = new Set(onFile.map((r) => key(r.encounterId, r.kind, r.system, r.code)));
    const rows = [];
    for (const c of content.codes) {
      const encounterId = this.encounters.get(c.encounterId)!.id;
      const k = key(encounterId, c.kind, c.system, c.code);
      if (seen.has(k)) {
        this.count('codes', 'unchanged');
        continue;
      }
      seen.add(k);
      this.result.encounterIds.push(encounterId);
      rows.push({
        practiceId: this.practiceId,
        encounterId,
        system: c.system,
        code: c.code,
        display: c.display,
        kind: c.kind,
        units: c.units,
        modifiers: c.modifiers,
        value: c.value,
      });
      this.count('codes', 'created');
    }
    if (rows.length > 0) await this.tx.insert(chartCode).values(rows);
  }
}

function pick(row: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, row[k]]));
}
