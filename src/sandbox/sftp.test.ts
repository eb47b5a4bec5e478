import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSftp, TransportError } from '../clearinghouse/index.ts';
import {
  sshdConnection,
  sshdUnavailable,
  startSshd,
  type TestSshd,
} from '../clearinghouse/transports/sshd-testing.ts';
import { parse277CA } from '../x12/index.ts';
import { sftpLink, type SandboxSftp } from './link.ts';
import { pollOnce } from './process.ts';
import { readScenario } from './scenario.ts';
import { testBatch } from './testing.ts';

// The sandbox over SFTP against a real OpenSSH server on 127.0.0.1: cleanclaim's SFTP transport
// uploads a batch, the sandbox logs in to the same server as the clearinghouse's side and answers,
// and cleanclaim's transport finds the answers in its inbound folder.
const unavailable = sshdUnavailable();
const { scenario } = readScenario({ adjudicationDelaySeconds: 0 });
const ctx = { scenario, seed: 3, now: '2026-12-03T13:40:00.000Z' };

describe.skipIf(unavailable !== null)('the sandbox over SFTP (a real sshd)', () => {
  let sshd: TestSshd;
  const home = mkdtempSync(join(tmpdir(), 'sandbox-sftp-'));
  const login = (over: Partial<SandboxSftp> = {}): SandboxSftp => ({
    host: '127.0.0.1',
    port: sshd.port,
    username: sshd.username,
    privateKey: sshd.privateKey,
    outDir: sshd.outbound,
    inDir: sshd.inbound,
    hostKey: sshd.fingerprint,
    timeoutMs: 10_000,
    ...over,
  });
  const cleanclaim = () => connectSftp({ ...sshdConnection(sshd), pinnedFingerprint: sshd.fingerprint });

  beforeAll(async () => {
    sshd = await startSshd();
  }, 30_000);
  afterAll(() => {
    sshd?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it('answers a batch cleanclaim uploaded, into the folder cleanclaim polls', async () => {
    const client = await cleanclaim();
    try {
      await client.upload(
        'batch-7.837',
        await testBatch([
          { pcn: 'S1', memberId: 'M1', lines: [{ code: '99213', chargeCents: 12000 }] },
          { pcn: 'S2', memberId: 'UNKNOWN', lines: [{ code: '99213', chargeCents: 12000 }] },
        ]),
      );
      const seen: string[] = [];
      const link = sftpLink(login({ hostKey: null, onHostKey: (f) => seen.push(f) }), home);
      const r = await pollOnce(link, { ...ctx, scenario: { ...scenario, unknownMembers: ['UNKNOWN'] } });
      expect(seen).toEqual([sshd.fingerprint]);
      expect(r).toMatchObject({ received: ['batch-7.837'], failed: [], adjudicated: 1, written: 3 });
      // The batch left cleanclaim's outbound folder for its archive/; a copy stays with the sandbox.
      expect(readdirSync(sshd.outbound)).toEqual(['archive']);
      expect(readdirSync(join(home, 'received'))).toHaveLength(1);

      const answers = await client.listInbound();
      expect(answers.map((f) => f.name.split('.').at(-1)).sort()).toEqual(['277ca', '835', '999']);
      const ack = parse277CA(await client.download(answers.find((f) => f.name.endsWith('.277ca'))!));
      expect(
        ack.acknowledgments.flatMap((a) => a.claims).map((c) => [c.patientControlNumber, c.accepted]),
      ).toEqual([
        ['S1', true],
        ['S2', false],
      ]);
      // Nothing more to answer: the next round writes nothing.
      expect(await pollOnce(sftpLink(login(), home), ctx)).toMatchObject({ received: [], written: 0 });
    } finally {
      await client.close();
    }
  }, 60_000);

  it('runs as `cleanclaim sandbox --sftp` with a key file and the pinned host key', async () => {
    const client = await cleanclaim();
    try {
      await client.upload(
        'batch-9.837',
        await testBatch([{ pcn: 'S9', memberId: 'M1', lines: [{ code: '99213', chargeCents: 100 }] }]),
      );
      const run = spawnSync(
        process.execPath,
        [
          'bin/cleanclaim.mjs',
          'sandbox',
          '--once',
          '--sftp',
          `${sshd.username}@127.0.0.1:${sshd.port}`,
          '--key',
          join(sshd.dir, 'client_key'),
          '--host-key',
          sshd.fingerprint,
          '--out',
          sshd.outbound,
          '--in',
          sshd.inbound,
          '--home',
          join(home, 'cli'),
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('received 1 batch(es)');
      const answers = (await client.listInbound()).filter((f) => f.name.startsWith('batch-9'));
      expect(answers.map((f) => f.name.split('.').at(-1)).sort()).toEqual(['277ca', '999']);
    } finally {
      await client.close();
    }
  }, 120_000);

  it('refuses a server showing another host key, answering nothing', async () => {
    const client = await cleanclaim();
    try {
      await client.upload(
        'batch-8.837',
        await testBatch([{ pcn: 'S3', memberId: 'M1', lines: [{ code: '99213', chargeCents: 100 }] }]),
      );
    } finally {
      await client.close();
    }
    const wrong = 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const failure = await pollOnce(sftpLink(login({ hostKey: wrong }), home), ctx).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TransportError);
    expect((failure as TransportError).failure).toBe('HOST_KEY_MISMATCH');
    expect(readdirSync(sshd.outbound).sort()).toEqual(['archive', 'batch-8.837']);
  }, 60_000);
});
