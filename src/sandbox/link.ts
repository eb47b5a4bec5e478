// How the sandbox reaches the files: over the same transports cleanclaim uses, with the folders
// swapped, because it plays the clearinghouse's side of the connection. It reads the 837s in the
// folder cleanclaim uploads to (cleanclaim's outbound folder) and moves each to that folder's
// archive/ once answered; it uploads its answers, atomically, into the folder cleanclaim polls.
import { mkdir } from 'node:fs/promises';
import { connectSftp, folderTransport, type SftpSettings, type Transport } from '../clearinghouse/index.ts';

export interface SandboxLink {
  /** Opens the transport for one round (an SFTP login; nothing for folders). */
  open(): Promise<Transport>;
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

/** A local folder pair (the demo's connection). */
export function folderLink(f: SandboxFolders): SandboxLink {
  return {
    homeDir: f.homeDir,
    describe: `answering 837s from ${f.outDir} into ${f.inDir}`,
    async open() {
      await mkdir(f.outDir, { recursive: true });
      await mkdir(f.inDir, { recursive: true });
      return folderTransport({ outboundDir: f.inDir, inboundDirs: [f.outDir] });
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
      const t = await connectSftp({
        ...login,
        outboundDir: inDir,
        inboundDirs: [outDir],
        pinnedFingerprint: pinned,
      });
      if (!pinned) onHostKey?.((pinned = t.seenFingerprint));
      return t;
    },
  };
}
