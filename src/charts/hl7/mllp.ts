// The MLLP listener (HL7 v2 Minimal Lower Layer Protocol, v2.5.1 appendix C): each message framed
// VT … FS CR on a TCP connection, each answered in turn with its ACK in the same framing. Framing
// is done here rather than by @medplum/hl7's server because that one drops a frame it cannot
// parse without an answer (the sender is owed an AR) and cannot bind to one address.
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

const VT = 0x0b;
const FS = 0x1c;
const CR = 0x0d;
/** A frame larger than this is refused and the connection closed (a note PDF fits easily). */
const MAX_FRAME = 32 * 1024 * 1024;

export interface MllpListener {
  port: number;
  close(): Promise<void>;
}

/** Answers each framed message with the ACK `answer` returns; one message at a time per connection, in order. */
export async function startMllpListener(options: {
  port: number;
  host?: string;
  answer: (message: string) => Promise<string>;
  onError?: (error: Error) => void;
}): Promise<MllpListener> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', (e) => options.onError?.(e));
    let buffer = Buffer.alloc(0);
    let chain = Promise.resolve();
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const start = buffer.indexOf(VT);
        if (start === -1) {
          buffer = Buffer.alloc(0);
          break;
        }
        const end = buffer.indexOf(FS, start);
        if (end === -1 || end + 1 >= buffer.length) {
          if (buffer.length - start > MAX_FRAME) socket.destroy(new Error('MLLP frame too large'));
          buffer = buffer.subarray(start);
          break;
        }
        const message = buffer.subarray(start + 1, end).toString('utf8');
        buffer = buffer.subarray(end + (buffer[end + 1] === CR ? 2 : 1));
        chain = chain
          .then(async () => {
            const ack = await options.answer(message);
            if (!socket.destroyed)
              socket.write(
                Buffer.concat([Buffer.from([VT]), Buffer.from(ack, 'utf8'), Buffer.from([FS, CR])]),
              );
          })
          .catch((e: Error) => options.onError?.(e));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
