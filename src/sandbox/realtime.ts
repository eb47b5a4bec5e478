// The sandbox's real-time endpoint: a 270 POSTed is answered with its 271, a 276 with its 277, at
// once, by the same answer functions and from the same state file as the mailboxes. It listens on
// 127.0.0.1 only: it is the demo's pretend clearinghouse, not a server for the network.
import { mkdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { recogniseInbound } from '../clearinghouse/index.ts';
import { ANSWERERS, readState, saveState, withState } from './process.ts';
import type { SandboxContext } from './respond.ts';

/** A 270 or 276 of many thousand inquiries is still far below this; anything larger is refused. */
const MAX_BODY = 5 * 1024 * 1024;

export interface RealtimeListener {
  port: number;
  url: string;
  close(): Promise<void>;
}

class Refused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Refused(413, `the request is larger than ${MAX_BODY} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, text: string, type = 'text/plain; charset=utf-8') {
  response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/**
 * The answer to one POSTed interchange, its state written (atomically) before the answer leaves:
 * the control numbers it used are never used again.
 */
async function answerOne(homeDir: string, text: string, ctx: SandboxContext): Promise<string> {
  const type = recogniseInbound(text).transactionType;
  const answerer = type === '270' || type === '276' ? ANSWERERS[type] : undefined;
  if (!answerer)
    throw new Refused(400, `POST a 270 or a 276 interchange (this is ${type ? `a ${type}` : 'not X12'})`);
  return withState(homeDir, async () => {
    await mkdir(homeDir, { recursive: true });
    const stored = await readState(homeDir);
    let r;
    try {
      r = await answerer(text, stored, ctx);
    } catch (e) {
      throw new Refused(400, `the ${type} cannot be answered: ${(e as Error).message}`);
    }
    const file = r.files[0];
    if (!file) throw new Refused(400, `the ${type} holds no inquiry to answer`);
    await saveState(homeDir, { ...stored, ...r.state });
    return file.text;
  });
}

/**
 * Listens on 127.0.0.1:`port` (0: any free port). POST a 270 or 276 (any content type), get the
 * 271 or 277 (application/edi-x12); GET answers what this is, for a connection's test.
 */
export async function serveRealtime(
  homeDir: string,
  opts: Omit<SandboxContext, 'now'> & { port: number; log?: (line: string) => void },
): Promise<RealtimeListener> {
  const { port, log, ...ctx } = opts;
  const server = createServer((request, response) => {
    void (async () => {
      if (request.method === 'GET' || request.method === 'HEAD')
        return send(response, 200, 'cleanclaim payer sandbox: POST a 270 or a 276 to have it answered\n');
      if (request.method !== 'POST') return send(response, 405, 'POST a 270 or a 276\n');
      const text = await bodyOf(request);
      const answer = await answerOne(homeDir, text, { ...ctx, now: new Date().toISOString() });
      log?.(`answered a real-time ${recogniseInbound(text).transactionType} (${answer.length} bytes)`);
      send(response, 200, answer, 'application/edi-x12');
    })().catch((e: unknown) => {
      const status = e instanceof Refused ? e.status : 500;
      if (status === 500) log?.(`a real-time request failed: ${(e as Error).message}`);
      if (!response.headersSent) send(response, status, `${(e as Error).message}\n`);
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    port: bound,
    url: `http://127.0.0.1:${bound}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
