import type { PGlite, Transaction } from '@electric-sql/pglite';

/**
 * PGlite is one backend. In the owning process the app's queries and transactions and the
 * statements of socket clients must not interleave: PGlite's own mutexes serialize single
 * statements only, so without this gate a socket client's statement could run inside the
 * server's open transaction (or the server's between a client's Parse and Sync).
 * The gate is a FIFO mutex held for a whole in-process call or transaction, and for a socket
 * client from its first message until the backend reports ReadyForQuery outside a transaction.
 */
export class PgliteGate {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => next);
    return previous.then(() => release);
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

/** The app's view of PGlite: query, exec and transaction each wait for the gate. */
export function gatedClient(client: PGlite, gate: PgliteGate): PGlite {
  const gated = {
    query: (...args: Parameters<PGlite['query']>) => gate.run(() => client.query(...args)),
    exec: (...args: Parameters<PGlite['exec']>) => gate.run(() => client.exec(...args)),
    transaction: <T>(fn: (tx: Transaction) => Promise<T>) => gate.run(() => client.transaction(fn)),
  };
  return new Proxy(client, {
    get(target, property) {
      if (property in gated) return gated[property as keyof typeof gated];
      const value = Reflect.get(target, property, target) as unknown;
      // PGlite keeps its state in private fields: its methods must run on the real instance.
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

const READY_FOR_QUERY = 0x5a; // 'Z', length 5, then the transaction status byte

/**
 * What pglite-socket's query queue sees as its database: the real PGlite behind the gate. The
 * queue asks isInTransaction() to keep serving the same client; it is also true between a
 * client's Parse and Sync, so two clients' extended-protocol messages never interleave.
 */
export function socketSideOf(client: PGlite, gate: PgliteGate): PGlite {
  let release: (() => void) | undefined;
  let midCycle = false;
  const releaseIfIdle = () => {
    if (release && !midCycle && !client.isInTransaction()) {
      release();
      release = undefined;
    }
  };
  const side = {
    waitReady: client.waitReady,
    // Only while a socket client holds the gate: the app's own open transaction is not theirs.
    isInTransaction: () => release !== undefined && (midCycle || client.isInTransaction()),
    async runExclusive<T>(fn: () => Promise<T>): Promise<T> {
      release ??= await gate.acquire();
      try {
        return await client.runExclusive(fn);
      } finally {
        releaseIfIdle();
      }
    },
    async execProtocolRawStream(
      message: Uint8Array,
      options: { onRawData: (data: Uint8Array) => void },
    ): Promise<void> {
      let tail: Uint8Array = new Uint8Array(0);
      await client.execProtocolRawStream(message, {
        ...options,
        onRawData: (data: Uint8Array) => {
          tail = data.length >= 6 ? data.subarray(data.length - 6) : concatTail(tail, data);
          options.onRawData(data);
        },
      });
      const terminate = message[0] === 0x58; // 'X': the client leaves
      midCycle = !terminate && !(tail.length === 6 && tail[0] === READY_FOR_QUERY && tail[4] === 5);
    },
    /** Called by the queue to roll back a client that left inside a transaction. */
    async exec(sql: string) {
      if (!release) return [];
      midCycle = false;
      const result = await client.exec(sql);
      releaseIfIdle();
      return result;
    },
  };
  return side as unknown as PGlite;
}

function concatTail(previous: Uint8Array, data: Uint8Array): Uint8Array {
  const joined = new Uint8Array(previous.length + data.length);
  joined.set(previous);
  joined.set(data, previous.length);
  return joined.subarray(Math.max(0, joined.length - 6));
}
