import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Database, Executor } from '../db/connection.ts';
import { recordAudits, type AuditActor } from '../audit/index.ts';
import { grantRole } from '../auth/index.ts';
import { addSubmitterSettings } from '../claims/submitter.ts';
import { addFolderConnections, addHttpConnections } from '../clearinghouse/index.ts';
import { addEncounters, addServiceLines } from '../encounters/index.ts';
import { addCoverages, addPatients } from '../patients/index.ts';
import { addContractedRates, addPayers } from '../payers/index.ts';
import { addFacilities, addFeeScheduleEntries, addPractice, addProviders } from '../practices/index.ts';
import { generateDemo, type DemoOptions } from './generate.ts';

/** How a demo practice reaches its clearinghouse: batch files written into this folder under the data directory. */
export const DEMO_OUTBOX = 'outbox';
/** The payer sandbox's folder under the data directory: one mailbox (outbound/, inbound/) per demo practice. */
export const DEMO_SANDBOX = 'sandbox';

export interface DemoSeedOptions extends DemoOptions {
  /** Give the practice a clearinghouse connection writing into the outbox, so its first batch can be sent. */
  outbox?: boolean;
  /**
   * The data directory: connect the practice to the payer sandbox (`cleanclaim sandbox --mailboxes
   * DATA/sandbox`, which `npm start` runs) through a folder connection to its own mailbox there.
   */
  sandbox?: string;
  /** With the sandbox: its real-time endpoint (default: 127.0.0.1 on CLEANCLAIM_SANDBOX_HTTP_PORT, else 8099). */
  sandboxUrl?: string;
}

/** Where `npm start` runs the sandbox's real-time endpoint (`cleanclaim sandbox --http-port`). */
export const demoSandboxUrl = (env: NodeJS.ProcessEnv = process.env) =>
  `http://127.0.0.1:${env.CLEANCLAIM_SANDBOX_HTTP_PORT || '8099'}/`;

/** The practice's mailbox at the sandbox, relative to the data directory (as folder connections are). */
export const sandboxMailbox = (practiceId: number) => ({
  outboundDir: `${DEMO_SANDBOX}/practice-${practiceId}/outbound`,
  inboundDir: `${DEMO_SANDBOX}/practice-${practiceId}/inbound`,
});

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
  // Connected to the sandbox, three patients carry its member file's cases for eligibility checks.
  const demo = generateDemo({ ...options, eligibilityCases: options.sandbox !== undefined });
  const total = demo.patients.length + demo.encounters.length;
  // Progress is written outside the transaction: on PGlite a second write would wait for it.
  await onProgress?.(0, total);
  const practiceId = await database.db.transaction(async (tx) => {
    const practiceId = await addPractice(tx, demo.practice);
    for (const userId of adminUserIds) await grantRole(tx, userId, practiceId, 'admin');
    const providerIds = await addProviders(
      tx,
      demo.providers.map(({ specialty: _s, ...r }) => ({ ...r, practiceId })),
    );
    const facilityIds = await addFacilities(
      tx,
      demo.facilities.map((r) => ({ ...r, practiceId })),
    );
    const payerIds = await addPayers(
      tx,
      demo.payers.map((r) => ({ ...r, practiceId })),
    );
    await addFeeScheduleEntries(
      tx,
      demo.feeSchedule.map((f) => ({ ...f, practiceId })),
    );
    await addContractedRates(
      tx,
      demo.contractedRates.map(({ payerIndex, ...r }) => ({
        ...r,
        practiceId,
        payerId: payerIds[payerIndex]!,
      })),
    );
    const patientIds = await addPatients(
      tx,
      demo.patients.map(({ coverages: _c, ...r }) => ({ ...r, practiceId })),
    );
    const coverages = demo.patients.flatMap((pt, i) =>
      pt.coverages.map(({ payer: key, ...c }) => ({
        ...c,
        practiceId,
        patientId: patientIds[i]!,
        payerId: payerIds[demo.payerKeys.indexOf(key)]!,
      })),
    );
    await addCoverages(tx, coverages);
    const encounterIds = await insertEncounters(tx, practiceId, demo, {
      providerIds,
      facilityIds,
      patientIds,
    });
    const connection =
      options.outbox || options.sandbox
        ? await connectOutbox(
            tx,
            practiceId,
            demo.practice,
            options.sandbox !== undefined ? (options.sandboxUrl ?? demoSandboxUrl()) : null,
          )
        : [];
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
  // The mailbox exists before the sandbox or the connection's first poll looks at it.
  if (options.sandbox !== undefined) {
    const box = sandboxMailbox(practiceId);
    for (const dir of [box.outboundDir, box.inboundDir])
      await mkdir(resolve(options.sandbox, dir), { recursive: true });
  }
  await onProgress?.(total, total);
  return practiceId;
}

/**
 * The demo's clearinghouse: test usage (ISA15 T); batches left in the outbox under the data
 * directory, or, with the sandbox, uploaded over a folder connection to the practice's mailbox there
 * (no outbox then: the upload is what sends a batch).
 */
async function connectOutbox(
  tx: Executor,
  practiceId: number,
  practiceRow: { name: string; contactName: string; phone: string },
  /** The sandbox's real-time endpoint, or null without the sandbox (the local outbox). */
  sandboxUrl: string | null,
) {
  const sandbox = sandboxUrl !== null;
  const row = await addSubmitterSettings(tx, {
    practiceId,
    submitterName: practiceRow.name.slice(0, 60),
    submitterId: `DEMO${practiceId}`,
    contactName: practiceRow.contactName,
    contactPhone: practiceRow.phone,
    receiverName: sandbox ? 'Payer sandbox' : 'Demo clearinghouse (local outbox)',
    receiverId: 'DEMOCH',
    usage: 'T',
    outboxDir: sandbox ? null : DEMO_OUTBOX,
  });
  const events = [
    { practiceId, action: 'create', entity: 'submitter_settings', entityId: row.id, after: row },
  ];
  if (!sandbox) return events;
  const box = sandboxMailbox(practiceId);
  const connection = {
    practiceId,
    name: 'Payer sandbox',
    outboundDir: box.outboundDir,
    inboundDirs: [box.inboundDir],
  };
  const [id] = await addFolderConnections(tx, [connection]);
  // Beside the mailbox, real-time eligibility and claim status: answered at once by the same sandbox.
  const realtime = { practiceId, name: 'Payer sandbox (real-time)', url: sandboxUrl };
  const [realtimeId] = await addHttpConnections(tx, [realtime]);
  return [
    ...events,
    {
      practiceId,
      action: 'create',
      entity: 'clearinghouse_connection',
      entityId: id!,
      after: { ...connection, kind: 'folder' },
    },
    {
      practiceId,
      action: 'create',
      entity: 'clearinghouse_connection',
      entityId: realtimeId!,
      after: { ...realtime, kind: 'http' },
    },
  ];
}

async function insertEncounters(
  tx: Executor,
  practiceId: number,
  demo: ReturnType<typeof generateDemo>,
  ids: { providerIds: number[]; facilityIds: number[]; patientIds: number[] },
) {
  const encounterIds = await addEncounters(
    tx,
    demo.encounters.map((e) => ({
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
  await addServiceLines(tx, lines);
  return encounterIds;
}
