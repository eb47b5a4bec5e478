import type { Executor } from '../db/connection.ts';
import { clearinghouseConnection } from './tables.ts';

/** A folder-pair connection as a loader (the demo seed) writes it: folders relative to the data directory. */
export interface FolderConnectionRow {
  practiceId: number;
  name: string;
  outboundDir: string;
  inboundDirs: string[];
}

/**
 * Adds folder connections in the caller's transaction (no credentials, so nothing to seal); the
 * caller records the audit events, with the ids returned, in the same transaction.
 */
export async function addFolderConnections(tx: Executor, rows: FolderConnectionRow[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = await tx
    .insert(clearinghouseConnection)
    .values(rows.map((r) => ({ ...r, kind: 'folder' })))
    .returning({ id: clearinghouseConnection.id });
  return inserted.map((r) => r.id);
}

/** A real-time endpoint a loader (the demo seed) adds: no credentials, so nothing to seal; audited by the caller. */
export interface HttpConnectionRow {
  practiceId: number;
  name: string;
  url: string;
}

export async function addHttpConnections(tx: Executor, rows: HttpConnectionRow[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = await tx
    .insert(clearinghouseConnection)
    .values(rows.map((r) => ({ ...r, kind: 'http', outboundDir: '', inboundDirs: [] })))
    .returning({ id: clearinghouseConnection.id });
  return inserted.map((r) => r.id);
}
