// The real-time transport against a real HTTP server on 127.0.0.1: what it sends (the X12 as
// application/edi-x12, bearer or basic auth) and each way it fails (refused, timeout, HTTP status).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEndpoint, HttpExchangeError, postX12 } from './http.ts';

let server: Server;
let url: string;
const seen: { method?: string; headers?: IncomingHttpHeaders; body?: string }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (c: Buffer) => (body += c.toString()));
    request.on('end', () => {
      seen.push({ method: request.method, headers: request.headers, body });
      if (request.url === '/slow') return void setTimeout(() => response.end('late'), 2000);
      if (request.url === '/fail') {
        response.writeHead(503, { 'content-type': 'text/plain' });
        return void response.end('down for maintenance');
      }
      response.writeHead(200, { 'content-type': 'application/edi-x12' });
      response.end(request.method === 'POST' ? `ANSWER TO ${body}` : 'hello');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('postX12', () => {
  it('POSTs the X12 as application/edi-x12 with a bearer token, and answers the body', async () => {
    const r = await postX12({ url: `${url}/x12`, secret: 'tok3n' }, 'ISA*…~');
    expect(r).toEqual({ status: 200, body: 'ANSWER TO ISA*…~' });
    const last = seen.at(-1)!;
    expect(last.method).toBe('POST');
    expect(last.headers!['content-type']).toBe('application/edi-x12');
    expect(last.headers!.authorization).toBe('Bearer tok3n');
  });

  it('sends basic auth when the connection has a user name', async () => {
    await postX12({ url, username: 'clinic', secret: 'pw' }, 'X');
    expect(seen.at(-1)!.headers!.authorization).toBe(`Basic ${Buffer.from('clinic:pw').toString('base64')}`);
    await postX12({ url }, 'X');
    expect(seen.at(-1)!.headers!.authorization).toBeUndefined();
  });

  it('says why it failed: HTTP status (with the body), timeout, unreachable', async () => {
    const status = await postX12({ url: `${url}/fail` }, 'X').catch((e: unknown) => e);
    expect(status).toBeInstanceOf(HttpExchangeError);
    expect(status).toMatchObject({ failure: 'HTTP_STATUS', status: 503, body: 'down for maintenance' });
    expect((status as Error).message).toContain('HTTP 503');

    const slow = await postX12({ url: `${url}/slow`, timeoutMs: 200 }, 'X').catch((e: unknown) => e);
    expect(slow).toMatchObject({ failure: 'TIMEOUT' });
    expect((slow as Error).message).toContain('200 ms');

    // A port nobody listens on: the server's own, once closed.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const down = await postX12({ url: `http://127.0.0.1:${port}/`, secret: 'tok3n' }, 'X').catch(
      (e: unknown) => e,
    );
    expect(down).toMatchObject({ failure: 'UNREACHABLE' });
    expect((down as Error).message).toContain('ECONNREFUSED');
    // The message names the endpoint, never the secret or the path.
    expect((down as Error).message).not.toContain('tok3n');

    const long = await postX12({ url, maxAnswerBytes: 20 }, 'X'.repeat(100)).catch((e: unknown) => e);
    expect(long).toMatchObject({ failure: 'TOO_LARGE' });
    expect((long as Error).message).toContain('more than 20 bytes');
  });
});

describe('checkEndpoint', () => {
  it('GETs the endpoint, sending no X12', async () => {
    const r = await checkEndpoint({ url, secret: 't' });
    expect(r.status).toBe(200);
    expect(seen.at(-1)).toMatchObject({ method: 'GET', body: '' });
  });
});
