import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { Readable } from 'node:stream';
import SftpClient from 'ssh2-sftp-client';
import { ARCHIVE, partName, TransportError, type RemoteFile, type Transport } from './transport.ts';

// ssh2-sftp-client (over ssh2, pure JavaScript, maintained) rather than shelling out to `sftp`:
// the host key is checked in-process against the pinned fingerprint, errors come back as codes,
// and no askpass/tty games are needed for password authentication.

export interface SftpSettings {
  host: string;
  port: number;
  username: string;
  password?: string;
  privateKey?: string;
  passphrase?: string;
  outboundDir: string;
  inboundDirs: string[];
  /** SHA256:… as OpenSSH prints it; null on first use (the key seen is reported, not trusted). */
  pinnedFingerprint: string | null;
  timeoutMs?: number;
}

/** The OpenSSH form of a host key's fingerprint: SHA256:<base64 without padding>. */
export const fingerprintOf = (key: Buffer) =>
  `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;

function failure(e: unknown, settings: SftpSettings, seen: string | null, what: string): TransportError {
  if (e instanceof TransportError) return e;
  const err = e as Error & { code?: string | number; level?: string };
  const text = `${err.message ?? err}`;
  const where = `${settings.username}@${settings.host}:${settings.port}`;
  if (settings.pinnedFingerprint && seen && seen !== settings.pinnedFingerprint)
    return new TransportError(
      'HOST_KEY_MISMATCH',
      `${where} presented host key ${seen}, not the pinned ${settings.pinnedFingerprint}: the server may have been replaced or someone is in between; nothing was sent. Confirm the new key with the clearinghouse before pinning it`,
      seen,
    );
  if (
    err.level === 'client-authentication' ||
    /authentication methods failed|All configured authentication/i.test(text)
  )
    return new TransportError('AUTH_FAILED', `${where} refused the login: wrong user name, password or key`);
  if (/permission denied/i.test(text) || err.code === 3)
    return new TransportError('PERMISSION_DENIED', `${what}: the server said permission denied (${text})`);
  if (/no such file/i.test(text) || err.code === 2)
    return new TransportError('NOT_FOUND', `${what}: no such file or folder on the server (${text})`);
  if (/timed out|timeout/i.test(text))
    return new TransportError('TIMEOUT', `${where} did not answer in time`);
  if (/ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|getaddrinfo/i.test(text))
    return new TransportError('UNREACHABLE', `${where} cannot be reached (${text})`);
  if (/ECONNRESET|closed|end|No SFTP connection|not connected/i.test(text))
    return new TransportError('DROPPED', `${what}: the connection dropped (${text})`);
  return new TransportError('FAILED', `${what}: ${text}`);
}

/** The bytes as a stream of slices; `taken` is called each time the upload asks for the next one. */
function sliced(bytes: Buffer, taken: () => void): Readable {
  const SLICE = 256 * 1024;
  let at = 0;
  return new Readable({
    read() {
      taken();
      this.push(at < bytes.length ? bytes.subarray(at, (at += SLICE)) : null);
    },
  });
}

/** Connects, checking the host key, and answers a Transport; the fingerprint seen is in `seen`. */
export async function connectSftp(settings: SftpSettings): Promise<Transport & { seenFingerprint: string }> {
  const client = new SftpClient();
  let seen: string | null = null;
  const timeout = settings.timeoutMs ?? 20_000;
  try {
    await client.connect({
      host: settings.host,
      port: settings.port,
      username: settings.username,
      ...(settings.password ? { password: settings.password } : {}),
      ...(settings.privateKey ? { privateKey: settings.privateKey } : {}),
      ...(settings.passphrase ? { passphrase: settings.passphrase } : {}),
      readyTimeout: timeout,
      retries: 0,
      hostVerifier: (key: Buffer) => {
        seen = fingerprintOf(key);
        return !settings.pinnedFingerprint || seen === settings.pinnedFingerprint;
      },
    } as SftpClient.ConnectOptions);
  } catch (e) {
    await client.end().catch(() => {});
    throw failure(e, settings, seen, 'connecting');
  }
  // The timeout is on silence: an operation fails when the server has not moved it on for `timeout`
  // ms. A large batch on a slow link keeps going as long as its bytes keep being taken.
  const run = async <T>(what: string, op: (alive: () => void) => Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    let fail: (e: Error) => void = () => {};
    const alive = () => {
      clearTimeout(timer);
      timer = setTimeout(
        () => fail(new TransportError('TIMEOUT', `${what}: no answer in ${timeout} ms`)),
        timeout,
      );
    };
    try {
      return await Promise.race([
        op(alive),
        new Promise<never>((_, reject) => {
          fail = reject;
          alive();
        }),
      ]);
    } catch (e) {
      throw failure(e, settings, seen, what);
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    seenFingerprint: seen!,
    async upload(fileName, content) {
      const path = posix.join(settings.outboundDir, fileName);
      const part = posix.join(settings.outboundDir, partName(fileName));
      await run(`uploading ${fileName}`, async (alive) => {
        await client.put(sliced(Buffer.from(content), alive), part);
        // posix-rename replaces a file left by an earlier attempt, so a retry leaves it once.
        await client.posixRename(part, path);
      });
      return { path };
    },
    async listInbound() {
      const files: RemoteFile[] = [];
      for (const folder of settings.inboundDirs) {
        const list = await run(`listing ${folder}`, () => client.list(folder));
        for (const f of list.sort((a, b) => a.name.localeCompare(b.name)))
          if (f.type === '-' && !f.name.startsWith('.')) files.push({ folder, name: f.name, size: f.size });
      }
      return files;
    },
    async download(file) {
      const data = await run(`downloading ${file.name}`, () =>
        client.get(posix.join(file.folder, file.name)),
      );
      return Buffer.isBuffer(data) ? data.toString('utf8') : String(data);
    },
    async archive(file) {
      await run(`archiving ${file.name}`, async () => {
        const archive = posix.join(file.folder, ARCHIVE);
        if (!(await client.exists(archive))) await client.mkdir(archive, true);
        await client.posixRename(posix.join(file.folder, file.name), posix.join(archive, file.name));
      });
    },
    async describe() {
      const out = [];
      for (const folder of [settings.outboundDir, ...settings.inboundDirs]) {
        const list = await run(`listing ${folder}`, () => client.list(folder));
        out.push({ folder, files: list.map((f) => f.name).sort() });
      }
      return out;
    },
    async close() {
      await client.end().catch(() => {});
    },
  };
}
