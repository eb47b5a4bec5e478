// How the sandbox reaches the files: over the same transports cleanclaim uses, with the folders
// swapped, because it plays the clearinghouse's side of the connection. It reads the 837s in the
// folder cleanclaim uploads to (cleanclaim's outbound folder) and moves each to that folder's
// archive/ once answered; it uploads its answers, atomically, into the folder cleanclaim polls.
import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { connectSftp, folderTransport, type SftpSettings, type Transport } from '../clearinghouse/index.ts';

/** One submitter's pair of folders at the clearinghouse; `key` names it in state.json ('' when alone). */
export interface Mailbox {
  key: string;
  transport: Transport;
}

export interface SandboxLink {
  /** Opens the mailboxes for one round (an SFTP login; nothing for folders). */
  open(): Promise<Mailbox[]>;
  /** The sandbox's own local folder: state.json, received/, failed/. */
  homeDir: string;
  /** Where it reads and writes, for the log. */
  describe: string;
}

export interface SandboxFolders {
  /** Where cleanclaim writes 837 batches (the connection's outbound folder). */
  outDir: string;
  /** Where the sandbox writes its answers (the connection's inbound folder). */
  inDir: string;
  /** The sandbox's own folder: state.json, received/, failed/. */
  homeDir: string;
}

async function folderPair(key: string, outDir: string, inDir: string): Promise<Mailbox> {
  await mkdir(outDir, { recursive: true });
  await mkdir(inDir, { recursive: true });
  return { key, transport: folderTransport({ outboundDir: inDir, inboundDirs: [outDir] }) };
}

/** A local folder pair. */
export function folderLink(f: SandboxFolders): SandboxLink {
  return {
    homeDir: f.homeDir,
    describe: `answering 837s from ${f.outDir} into ${f.inDir}`,
    open: async () => [await folderPair('', f.outDir, f.inDir)],
  };
}

/**
 * A clearinghouse with one mailbox per submitter: every folder under `root` holding an outbound/
 * (where that practice's connection uploads) is answered in its inbound/. New ones are found each
 * round; the state (payers, members, accumulators) is one, in `root` itself.
 */
export function mailboxesLink(root: string): SandboxLink {
  return {
    homeDir: root,
    describe: `answering 837s in each ${join(root, '*', 'outbound')} into the inbound/ beside it`,
    async open() {
      const entries = existsSync(root) ? await readdir(root, { withFileTypes: true }) : [];
      const boxes = entries.filter((e) => e.isDirectory() && existsSync(join(root, e.name, 'outbound')));
      return Promise.all(
        boxes
          .map((e) => e.name)
          .sort()
          .map((name) => folderPair(name, join(root, name, 'outbound'), join(root, name, 'inbound'))),
      );
    },
  };
}

export interface SandboxSftp extends Omit<SftpSettings, 'outboundDir' | 'inboundDirs' | 'pinnedFingerprint'> {
  /** The server's folder cleanclaim uploads 837s to. */
  outDir: string;
  /** The server's folder cleanclaim polls for answers. */
  inDir: string;
  /** SHA256:… the server must show; null trusts the key it shows first, and only that key after. */
  hostKey: string | null;
  /** Told the key trusted on first use, to print it. */
  onHostKey?: (fingerprint: string) => void;
}

/**
 * An SFTP server both sides log in to (as a clearinghouse's is): the sandbox is one more client,
 * so it runs anywhere the server can be reached, and cleanclaim's SFTP code is tested unchanged.
 */
export function sftpLink(s: SandboxSftp, homeDir: string): SandboxLink {
  const { outDir, inDir, hostKey, onHostKey, ...login } = s;
  let pinned = hostKey;
  return {
    homeDir,
    describe: `answering 837s from sftp://${s.username}@${s.host}:${s.port}${outDir} into ${inDir}`,
    async open() {
      const transport = await connectSftp({
        ...login,
        outboundDir: inDir,
        inboundDirs: [outDir],
        pinnedFingerprint: pinned,
      });
      if (!pinned) onHostKey?.((pinned = transport.seenFingerprint));
      return [{ key: '', transport }];
    },
  };
}
