import type { Database, Executor } from '../db/connection.ts';
import { recordAudits, type AuditActor } from '../audit/index.ts';
import { practiceGrant } from '../auth/tables.ts';
import { encounter, serviceLine } from '../encounters/tables.ts';
import { coverage, patient } from '../patients/tables.ts';
import { payer } from '../payers/tables.ts';
import { submitterSettings } from '../claims/batch-tables.ts';
import { facility, feeScheduleEntry, practice, provider } from '../practices/tables.ts';
import { generateDemo, type DemoOptions } from './generate.ts';

const CHUNK = 500;
async function insertChunked<T>(
  rows: T[],
  insert: (chunk: T[]) => Promise<{ id: number }[]>,
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += CHUNK)
    ids.push(...(await insert(rows.slice(i, i + CHUNK))).map((r) => r.id));
  return ids;
}

/** How a demo practice reaches its clearinghouse: batch files written into this folder under the data directory. */
export const DEMO_OUTBOX = 'outbox';

export interface DemoSeedOptions extends DemoOptions {
  /** Give the practice a clearinghouse connection writing into the outbox, so its first batch can be sent. */
  outbox?: boolean;
}

/**
 * Loads a synthetic demo practice in one transaction, grants the given users admin on it, and
 * audits every patient and encounter created. Returns the new practice's id.
 */
export async function seedDemo(
  database: Database,
  options: DemoSeedOptions,
  actor: AuditActor,
  adminUserIds: number[],
  onProgress?: (done: number, total: number) => Promise<void>,
): Promise<number> {
  const demo = generateDemo(options);
  const total = demo.patients.length + demo.encounters.length;
  // Progress is written outside the transaction: on PGlite a second write would wait for it.
  await onProgress?.(0, total);
  const practiceId = await database.db.transaction(async (tx) => {
    const [p] = await tx.insert(practice).values(demo.practice).returning({ id: practice.id });
    const practiceId = p!.id;
    if (adminUserIds.length)
      await tx
        .insert(practiceGrant)
        .values(adminUserIds.map((userId) => ({ userId, practiceId, role: 'admin' })));
    const providerIds = await insertChunked(demo.providers, (c) =>
      tx
        .insert(provider)
        .values(c.map(({ specialty: _s, ...r }) => ({ ...r, practiceId })))
        .returning({ id: provider.id }),
    );
    const facilityIds = await insertChunked(demo.facilities, (c) =>
      tx
        .insert(facility)
        .values(c.map((r) => ({ ...r, practiceId })))
        .returning({ id: facility.id }),
    );
    const payerIds = await insertChunked(demo.payers, (c) =>
      tx
        .insert(payer)
        .values(c.map((r) => ({ ...r, practiceId })))
        .returning({ id: payer.id }),
    );
    if (demo.feeSchedule.length)
      await tx.insert(feeScheduleEntry).values(demo.feeSchedule.map((f) => ({ ...f, practiceId })));
    const patientIds = await insertChunked(demo.patients, (c) =>
      tx
        .insert(patient)
        .values(c.map(({ coverages: _c, ...r }) => ({ ...r, practiceId })))
        .returning({ id: patient.id }),
    );
    const coverages = demo.patients.flatMap((pt, i) =>
      pt.coverages.map(({ payer: key, ...c }) => ({
        ...c,
        practiceId,
        patientId: patientIds[i]!,
        payerId: payerIds[demo.payerKeys.indexOf(key)]!,
      })),
    );
    await insertChunked(coverages, (c) => tx.insert(coverage).values(c).returning({ id: coverage.id }));
    const encounterIds = await insertEncounters(tx, practiceId, demo, {
      providerIds,
      facilityIds,
      patientIds,
    });
    const connection = options.outbox ? await connectOutbox(tx, practiceId, demo.practice) : [];
    await recordAudits(tx, actor, [
      { practiceId, action: 'create', entity: 'practice', entityId: practiceId, detail: { demo: options } },
      ...connection,
      ...patientIds.map((id) => ({
        practiceId,
        action: 'create',
        entity: 'patient',
        entityId: id,
        detail: { source: 'demo seed' },
      })),
      ...encounterIds.map((id) => ({
        practiceId,
        action: 'create',
        entity: 'encounter',
        entityId: id,
        detail: { source: 'demo seed' },
      })),
    ]);
    return practiceId;
  });
  await onProgress?.(total, total);
  return practiceId;
}

/** The demo's clearinghouse: test usage (ISA15 T), files left in the outbox under the data directory. */
async function connectOutbox(
  tx: Executor,
  practiceId: number,
  practiceRow: { name: string; contactName: string; phone: string },
) {
  const [row] = await tx
    .insert(submitterSettings)
    .values({
      practiceId,
      submitterName: practiceRow.name.slice(0, 60),
      submitterId: `DEMO${practiceId}`,
      contactName: practiceRow.contactName,
      contactPhone: practiceRow.phone,
      receiverName: 'Demo clearinghouse (local outbox)',
      receiverId: 'DEMOCH',
      usage: 'T',
      outboxDir: DEMO_OUTBOX,
    })
    .returning();
  return [{ practiceId, action: 'create', entity: 'submitter_settings', entityId: row!.id, after: row }];
}

async function insertEncounters(
  tx: Executor,
  practiceId: number,
  demo: ReturnType<typeof generateDemo>,
  ids: { providerIds: number[]; facilityIds: number[]; patientIds: number[] },
) {
  const encounterIds = await insertChunked(demo.encounters, (c) =>
    tx
      .insert(encounter)
      .values(
        c.map((e) => ({
          practiceId,
          patientId: ids.patientIds[e.patient]!,
          serviceDateFrom: e.serviceDate,
          serviceDateTo: e.serviceDateTo ?? e.serviceDate,
          placeOfService: e.placeOfService,
          renderingProviderId: ids.providerIds[e.provider]!,
          referringProviderId: e.referringProvider === null ? null : ids.providerIds[e.referringProvider]!,
          facilityId: ids.facilityIds[e.facility]!,
          priorAuthorization: e.priorAuthorization,
          diagnoses: e.diagnoses,
          institutional: e.institutional ?? null,
        })),
      )
      .returning({ id: encounter.id }),
  );
  const lines = demo.encounters.flatMap((e, i) =>
    e.lines.map((l, n) => ({
      ...l,
      units: String(l.units),
      practiceId,
      encounterId: encounterIds[i]!,
      lineNumber: n + 1,
      serviceDate: e.serviceDate,
    })),
  );
  await insertChunked(lines, (c) => tx.insert(serviceLine).values(c).returning({ id: serviceLine.id }));
  return encounterIds;
}
