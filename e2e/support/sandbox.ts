import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/audit/index.ts';
import { connectionRow } from '../../src/clearinghouse/connections.ts';
import { pollOne } from '../../src/clearinghouse/jobs.ts';
import { loadScenario, pollOnce, type SandboxFolders } from '../../src/sandbox/process.ts';
import type { Api } from './api.ts';
import type { TestServer } from './server.ts';

export interface Sandbox {
  folders: SandboxFolders;
  connectionId: number;
  /** A round of the payer sandbox: it answers what was uploaded (the sandbox process would). */
  round(): ReturnType<typeof pollOnce>;
  /** What the server's clearinghouse.poll job does for the connection: reads the answers in. */
  poll(): ReturnType<typeof pollOne>;
  remove(): void;
}

/** The practice's submitter settings (loop 1000A/1000B) for files the payer sandbox answers. */
export async function addSubmitterSettings(server: TestServer, admin: Api): Promise<void> {
  const settings = await admin.send('POST', '/api/submitter-settings', {
    practiceId: server.practiceId,
    submitterName: 'Riverside Billing',
    submitterId: 'RIVER01',
    contactName: 'Billing Office',
    contactPhone: '2175550100',
    receiverName: 'Payer sandbox',
    receiverId: 'SANDBOX',
  });
  expect(settings.status).toBe(201);
}

/**
 * The practice's clearinghouse settings and a folder connection the payer sandbox answers on, in
 * temporary folders; the test runs the sandbox's rounds and the server's poll itself.
 */
export async function connectSandbox(server: TestServer, admin: Api, seed: number): Promise<Sandbox> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cleanclaim-e2e-sandbox-'));
  const folders: SandboxFolders = {
    outDir: path.join(dir, 'outbound'),
    inDir: path.join(dir, 'inbound'),
    homeDir: path.join(dir, 'sandbox'),
  };
  for (const d of [folders.outDir, folders.inDir]) mkdirSync(d, { recursive: true });
  const ctx = { scenario: await loadScenario(), seed };
  let clock = Date.now();
  await addSubmitterSettings(server, admin);
  const connection = await admin.send('POST', `/api/practices/${server.practiceId}/connections`, {
    name: 'Payer sandbox',
    kind: 'folder',
    outboundDir: folders.outDir,
    inboundDirs: [folders.inDir],
  });
  expect(connection.status).toBe(201);
  const connectionId = (connection.body as { id: number }).id;
  return {
    folders,
    connectionId,
    round: () => {
      clock += 30_000;
      return pollOnce(folders, { ...ctx, now: new Date(clock).toISOString() });
    },
    poll: async () =>
      pollOne(
        server.database.db,
        await connectionRow(server.database.db, server.practiceId, connectionId),
        SYSTEM_ACTOR,
        new Date(),
      ),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
