import { mkdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { socketSideOf, type PgliteGate } from './pglite-gate.ts';
import { updateLock, type OwnerLock } from './owner-lock.ts';

/** What the owning process holds of an embedded database opened on files. */
export interface PgliteOwner {
  /** The real PGlite (not gated): for dumps and the socket side only. */
  client: PGlite;
  gate: PgliteGate;
  dataDir: string;
  lockPath: string;
  lock: OwnerLock;
}

// Unix socket paths are limited to 107 bytes; past that the database is served on 127.0.0.1.
const MAX_SOCKET_PATH = 100;

/**
 * Serves the owned database to other local processes (the CLI): PostgreSQL's wire protocol on a
 * Unix socket in `DIR.run/` (node-postgres connects with host = that directory), and a control
 * socket beside it that answers backups. The directory is private to the owner's user.
 * Returns the function that stops both.
 */
export async function serveDatabase(owner: PgliteOwner): Promise<() => Promise<void>> {
  const runDir = `${owner.dataDir.replace(/\/+$/, '')}.run`;
  mkdirSync(runDir, { recursive: true, mode: 0o700 });
  const socketPath = `${runDir}/.s.PGSQL.5432`;
  const controlPath = `${runDir}/control.sock`;
  // Socket files left by a killed owner would make listen() fail with EADDRINUSE.
  rmSync(socketPath, { force: true });
  rmSync(controlPath, { force: true });
  const onSocket = socketPath.length <= MAX_SOCKET_PATH;
  const server = new PGLiteSocketServer({
    db: socketSideOf(owner.client, owner.gate),
    ...(onSocket ? { path: socketPath } : { host: '127.0.0.1', port: 0 }),
    // Each client's statements queue behind the gate; several connections only wait their turn.
    maxConnections: 64,
  });
  await server.start();
  const connect = onSocket
    ? { host: runDir, port: 5432 }
    : { host: '127.0.0.1', port: Number(server.getServerConn().split(':')[1]) };

  const control = createServer((request, response) => {
    if (request.method === 'POST' && request.url === '/backup') {
      dumpOwned(owner).then(
        (tarball) => {
          response.writeHead(200, { 'content-type': 'application/gzip' });
          response.end(tarball);
        },
        (error: Error) => {
          response.writeHead(500, { 'content-type': 'text/plain' });
          response.end(error.message);
        },
      );
      return;
    }
    response.writeHead(404).end();
  });
  control.listen(onSocket ? controlPath : { host: '127.0.0.1', port: 0 });
  await once(control, 'listening');
  const controlAt = onSocket ? controlPath : `127.0.0.1:${(control.address() as { port: number }).port}`;

  owner.lock = { ...owner.lock, serving: { ...connect, control: controlAt } };
  updateLock(owner.lockPath, owner.lock);

  return async () => {
    const { serving: _, ...notServing } = owner.lock;
    owner.lock = notServing;
    updateLock(owner.lockPath, owner.lock);
    await closeServer(control);
    await server.stop();
    rmSync(runDir, { recursive: true, force: true });
  };
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/**
 * A consistent copy of the owned data directory as a gzipped tar: taken behind the gate (no
 * transaction of the app or of a socket client is open) after a CHECKPOINT, so it opens without
 * replaying WAL.
 */
export async function dumpOwned(owner: Pick<PgliteOwner, 'client' | 'gate'>): Promise<Buffer> {
  return owner.gate.run(async () => {
    await owner.client.exec('CHECKPOINT');
    const blob = await owner.client.dumpDataDir('gzip');
    return Buffer.from(await blob.arrayBuffer());
  });
}
