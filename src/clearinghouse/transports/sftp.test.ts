import { chmodSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSftp, type SftpSettings } from './sftp.ts';
import { sshdUnavailable, startSshd, type TestSshd } from './sshd-testing.ts';
import { TransportError } from './transport.ts';

const unavailable = sshdUnavailable();

describe.skipIf(unavailable !== null)('SFTP transport against a real OpenSSH server on 127.0.0.1', () => {
  let sshd: TestSshd;
  const settings = (over: Partial<SftpSettings> = {}): SftpSettings => ({
    host: '127.0.0.1',
    port: sshd.port,
    username: sshd.username,
    privateKey: sshd.privateKey,
    outboundDir: sshd.outbound,
    inboundDirs: [sshd.inbound],
    pinnedFingerprint: sshd.fingerprint,
    timeoutMs: 10_000,
    ...over,
  });
  const failureOf = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      expect(e).toBeInstanceOf(TransportError);
      return e as TransportError;
    }
    throw new Error('expected a failure');
  };

  beforeAll(async () => {
    sshd = await startSshd();
  }, 30_000);
  afterAll(() => sshd?.stop());

  it('uploads a batch under a temporary name then renames it; polls, downloads and archives inbound files', async () => {
    const t = await connectSftp(settings());
    try {
      expect(t.seenFingerprint).toBe(sshd.fingerprint);
      await t.upload('batch-1.837', 'ISA*00~');
      expect(readdirSync(sshd.outbound)).toEqual(['batch-1.837']);
      expect(readFileSync(join(sshd.outbound, 'batch-1.837'), 'utf8')).toBe('ISA*00~');
      writeFileSync(join(sshd.inbound, 'remit.txt'), 'ST*835~');
      const files = await t.listInbound();
      expect(files.map((f) => f.name)).toEqual(['remit.txt']);
      expect(await t.download(files[0]!)).toBe('ST*835~');
      await t.archive(files[0]!);
      expect(await t.listInbound()).toEqual([]);
      expect(readdirSync(join(sshd.inbound, 'archive'))).toEqual(['remit.txt']);
      const folders = await t.describe();
      expect(folders.map((f) => f.folder)).toEqual([sshd.outbound, sshd.inbound]);
    } finally {
      await t.close();
    }
  });

  it('on first use reports the host key seen without a pin', async () => {
    const t = await connectSftp(settings({ pinnedFingerprint: null }));
    expect(t.seenFingerprint).toBe(sshd.fingerprint);
    await t.close();
  });

  it('a wrong host key is refused, naming the fingerprint seen', async () => {
    const e = await failureOf(
      connectSftp(settings({ pinnedFingerprint: 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })),
    );
    expect(e.failure).toBe('HOST_KEY_MISMATCH');
    expect(e.message).toContain(sshd.fingerprint);
    expect(e.seenFingerprint).toBe(sshd.fingerprint);
  });

  it('a wrong key is refused', async () => {
    const other = await startSshd();
    try {
      const e = await failureOf(connectSftp(settings({ privateKey: other.privateKey })));
      expect(e.failure).toBe('AUTH_FAILED');
    } finally {
      other.stop();
    }
  }, 30_000);

  it('password authentication: the right password logs in, a wrong one is refused', async (ctx) => {
    if (!sshd.password) ctx.skip(); // needs root to create a system user with a password
    const ok = await connectSftp(settings({ privateKey: undefined, password: sshd.password! }));
    await ok.close();
    const e = await failureOf(connectSftp(settings({ privateKey: undefined, password: 'wrong' })));
    expect(e.failure).toBe('AUTH_FAILED');
  });

  it('an upload into a folder the user may not write is refused as permission denied', async () => {
    chmodSync(sshd.outbound, 0o555);
    const t = await connectSftp(settings());
    try {
      const e = await failureOf(t.upload('batch-2.837', 'ISA~'));
      expect(e.failure).toBe('PERMISSION_DENIED');
    } finally {
      chmodSync(sshd.outbound, 0o755);
      await t.close();
    }
  });

  /** Waits until part of an upload has arrived under its temporary name. */
  const partArrived = async () => {
    for (let i = 0; i < 2000; i++) {
      const part = readdirSync(sshd.outbound).find((n) => n.endsWith('.part'));
      if (part && statSync(join(sshd.outbound, part)).size > 256 * 1024) return;
      await new Promise((r) => setTimeout(r, 2));
    }
  };
  const settled = (p: Promise<unknown>) => {
    let done = false;
    void p.then(
      () => (done = true),
      () => (done = true),
    );
    return () => done;
  };

  it('a server that stops answering mid-upload fails it after the timeout; one that is slow but moving does not', async () => {
    const big = 'CLM*1*100~'.repeat(1_600_000); // 16 MB
    const t = await connectSftp(settings({ timeoutMs: 1_500 }));
    try {
      const stalled = t.upload('stalled.837', big);
      await partArrived();
      sshd.pause();
      const e = await failureOf(stalled);
      sshd.resume();
      expect(e.failure).toBe('TIMEOUT');
    } finally {
      sshd.resume();
      await t.close();
    }
    // Frozen a second at a time and let run a quarter of that: silent far longer in all than the timeout,
    // but never for the timeout at once, so the upload goes through.
    const slow = await connectSftp(settings({ timeoutMs: 1_500 }));
    try {
      const upload = slow.upload('slow.837', big);
      const done = settled(upload);
      await partArrived();
      let pauses = 0;
      while (!done()) {
        sshd.pause();
        pauses++;
        await new Promise((r) => setTimeout(r, 1_000));
        sshd.resume();
        await new Promise((r) => setTimeout(r, 250));
      }
      await upload;
      expect(pauses).toBeGreaterThanOrEqual(2);
      expect(readFileSync(join(sshd.outbound, 'slow.837'), 'utf8')).toBe(big);
    } finally {
      sshd.resume();
      await slow.close();
    }
  }, 60_000);

  it('a connection dropped mid-upload fails; the retry leaves the file complete, once', async () => {
    const big = 'CLM*1*100~'.repeat(6_000_000); // 60 MB
    const t = await connectSftp(settings());
    const upload = t.upload('big.837', big);
    // Killed once part of the file has arrived (under its temporary name).
    await partArrived();
    sshd.kill();
    const e = await failureOf(upload);
    expect(['DROPPED', 'FAILED', 'TIMEOUT']).toContain(e.failure);
    await t.close();
    expect(readdirSync(sshd.outbound)).not.toContain('big.837');
    await sshd.restart();
    const again = await connectSftp(settings());
    await again.upload('big.837', big);
    await again.close();
    expect(readdirSync(sshd.outbound).filter((n) => n === 'big.837')).toHaveLength(1);
    expect(readFileSync(join(sshd.outbound, 'big.837'), 'utf8')).toBe(big);
  }, 60_000);
});

if (unavailable) describe('SFTP transport', () => it.skip(`skipped: ${unavailable}`, () => {}));
