import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { expect, it } from 'vitest';
import { closingWithoutKeepAlive } from './shutdown.ts';

// A request still running when the close begins keeps its keep-alive connection; without the sweep
// the close waits out Node's 5 s keep-alive timeout after the answer.
it('closes a keep-alive connection as soon as its running request is answered', async () => {
  const app = Fastify();
  let started = () => {};
  const running = new Promise<void>((resolve) => (started = resolve));
  app.get('/slow', async () => {
    started();
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { ok: true };
  });
  const close = closingWithoutKeepAlive(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const agent = new Agent({ keepAlive: true });
  const answered = new Promise<number>((resolve, reject) => {
    request({ port, host: '127.0.0.1', path: '/slow', agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    })
      .on('error', reject)
      .end();
  });
  await running;
  const began = Date.now();
  await close();
  const took = Date.now() - began;
  expect(await answered).toBe(200);
  agent.destroy();
  expect(took, `the close took ${took} ms`).toBeLessThan(3_000);
});
