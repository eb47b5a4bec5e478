import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Database } from '../db/connection.ts';

/** What a stopping process closes, in order. */
export interface ShutdownParts {
  /** Stops accepting requests and waits for the running ones (fastify's close). */
  closeRequests?: () => Promise<void>;
  /** Stops the job workers, letting running jobs finish. */
  stopJobs?: () => Promise<void>;
  database: Database;
  log: (line: string) => void;
}

// Budget inside the 10 s a supervisor (systemd, docker stop) gives before SIGKILL.
export const SHUTDOWN_BUDGET_MS = { requests: 6_000, jobs: 2_000, total: 9_500 };

async function bounded(step: Promise<void>, ms: number, what: string, log: (line: string) => void) {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
  const outcome = await Promise.race([step.then(() => 'done' as const), late]);
  clearTimeout(timer);
  if (outcome === 'late') log(`${what} did not finish within ${ms / 1000} s; going on`);
}

/**
 * Fastify's close, without the keep-alive wait. A connection whose request is still running when
 * the close begins would stay open after its answer for the keep-alive timeout (fastify's is 72 s),
 * and Node's closeIdleConnections() also cuts connections whose request is read but not yet
 * answered. So: the running answers carry `Connection: close`, idle connections are closed, and
 * the close waits only for the running requests. Call before listening; returns the close.
 */
export function closingWithoutKeepAlive(app: {
  server: Server;
  close(): Promise<unknown>;
}): () => Promise<void> {
  const { server } = app;
  const answering = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('request', (_request: IncomingMessage, response: ServerResponse) => {
    if (response.writableFinished) return;
    answering.add(response);
    response.once('close', () => answering.delete(response));
  });
  return async () => {
    const closed = app.close();
    const busy = new Set<Socket>();
    for (const response of answering) {
      if (!response.headersSent) response.setHeader('connection', 'close');
      busy.add(response.socket as Socket);
    }
    // end(), not destroy(): an answer just finished may still be in the socket's buffer.
    for (const socket of sockets) if (!busy.has(socket)) socket.end();
    await closed;
  };
}

/**
 * Graceful shutdown on SIGTERM and SIGINT: stop taking requests and let the running ones finish
 * (bounded), stop the job workers (bounded), close the database (on the embedded one: stop
 * serving the socket, close PGlite so its files are left clean, release the lock), exit 0.
 * A step that hangs past the total budget exits 1 rather than be killed mid-write by a supervisor.
 */
export function installGracefulShutdown(parts: ShutdownParts): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    parts.log(`${signal}: stopping`);
    const deadline = setTimeout(() => {
      parts.log(`did not stop within ${SHUTDOWN_BUDGET_MS.total / 1000} s`);
      process.exit(1);
    }, SHUTDOWN_BUDGET_MS.total);
    deadline.unref();
    try {
      if (parts.closeRequests)
        await bounded(parts.closeRequests(), SHUTDOWN_BUDGET_MS.requests, 'running requests', parts.log);
      if (parts.stopJobs) await bounded(parts.stopJobs(), SHUTDOWN_BUDGET_MS.jobs, 'running jobs', parts.log);
      await parts.database.close();
      parts.log('stopped');
      process.exit(0);
    } catch (error) {
      parts.log(`stopping failed: ${(error as Error).message}`);
      process.exit(1);
    }
  };
  process.once('SIGINT', (signal) => void stop(signal));
  process.once('SIGTERM', (signal) => void stop(signal));
}
