import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMllpListener, type MllpListener } from './mllp.ts';

const frame = (text: string) => `\x0b${text}\x1c\r`;
const unframe = (text: string) => (text.startsWith('\x0b') ? text.slice(1) : text);

/** Sends the chunks (with a pause between) and collects `count` framed answers. */
function exchange(port: number, chunks: string[], count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', async () => {
      for (const c of chunks) {
        socket.write(c);
        await new Promise((r) => setTimeout(r, 20));
      }
    });
    let got = '';
    socket.on('data', (d) => {
      got += d.toString('utf8');
      const answers = got.split('\x1c\r').filter(Boolean);
      if (answers.length === count) {
        socket.end();
        resolve(answers.map(unframe));
      }
    });
    socket.on('error', reject);
  });
}

describe('MLLP framing', () => {
  let listener: MllpListener;
  beforeAll(async () => {
    // Answers slowly for the first message, so order is kept only if answers are sent in turn.
    listener = await startMllpListener({
      port: 0,
      answer: async (m) => {
        if (m.includes('first')) await new Promise((r) => setTimeout(r, 50));
        return `ACK ${m}`;
      },
    });
  });
  afterAll(() => listener.close());

  it('answers two messages sent in one packet, in order', async () => {
    expect(await exchange(listener.port, [frame('first') + frame('second')], 2)).toEqual([
      'ACK first',
      'ACK second',
    ]);
  });
  it('reassembles a message split across packets (and across the FS CR trailer)', async () => {
    expect(await exchange(listener.port, ['\x0bMSH|spl', 'it\x1c', '\r'], 1)).toEqual(['ACK MSH|split']);
  });
  it('keeps UTF-8 intact when a character is split between packets', async () => {
    const bytes = Buffer.from(frame('café'), 'utf8');
    const socketChunks = [bytes.subarray(0, 5).toString('latin1'), bytes.subarray(5).toString('latin1')];
    // Sent as raw bytes: latin1 strings map one char to one byte.
    const answers = await new Promise<string[]>((resolve, reject) => {
      const socket = connect(listener.port, '127.0.0.1', () => {
        socket.write(Buffer.from(socketChunks[0]!, 'latin1'));
        setTimeout(() => socket.write(Buffer.from(socketChunks[1]!, 'latin1')), 20);
      });
      socket.on('data', (d) => {
        socket.end();
        resolve(d.toString('utf8').split('\x1c\r').filter(Boolean).map(unframe));
      });
      socket.on('error', reject);
    });
    expect(answers).toEqual(['ACK café']);
  });
});
