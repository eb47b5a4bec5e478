import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ARCHIVE, partName, TransportError, type RemoteFile, type Transport } from './transport.ts';

export interface FolderSettings {
  outboundDir: string;
  inboundDirs: string[];
}

function failure(e: unknown, what: string): TransportError {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'EACCES' || err.code === 'EPERM')
    return new TransportError('PERMISSION_DENIED', `${what}: permission denied`);
  if (err.code === 'ENOSPC') return new TransportError('PERMISSION_DENIED', `${what}: the disk is full`);
  if (err.code === 'ENOENT') return new TransportError('NOT_FOUND', `${what}: no such folder`);
  return new TransportError('FAILED', `${what}: ${err.message}`);
}

/** A pair of local folders (a clearinghouse client, or the sandbox, watches the other side). */
export function folderTransport(settings: FolderSettings): Transport {
  return {
    async upload(fileName, content) {
      const path = join(settings.outboundDir, fileName);
      const part = join(settings.outboundDir, partName(fileName));
      try {
        await mkdir(settings.outboundDir, { recursive: true });
        await writeFile(part, content);
        await rename(part, path);
      } catch (e) {
        throw failure(e, `the batch could not be written to ${settings.outboundDir}`);
      }
      return { path };
    },
    async listInbound() {
      const files: RemoteFile[] = [];
      for (const folder of settings.inboundDirs) {
        let names: string[];
        try {
          names = await readdir(folder);
        } catch (e) {
          throw failure(e, `the inbound folder ${folder} could not be read`);
        }
        for (const name of names.sort()) {
          if (name === ARCHIVE || name.startsWith('.')) continue;
          const s = await stat(join(folder, name));
          if (s.isFile()) files.push({ folder, name, size: s.size });
        }
      }
      return files;
    },
    async download(file) {
      try {
        return await readFile(join(file.folder, file.name), 'utf8');
      } catch (e) {
        throw failure(e, `${file.name} could not be read`);
      }
    },
    async archive(file) {
      try {
        await mkdir(join(file.folder, ARCHIVE), { recursive: true });
        await rename(join(file.folder, file.name), join(file.folder, ARCHIVE, file.name));
      } catch (e) {
        throw failure(e, `${file.name} could not be moved to ${ARCHIVE}/`);
      }
    },
    async describe() {
      const out = [];
      for (const folder of [settings.outboundDir, ...settings.inboundDirs]) {
        try {
          out.push({ folder, files: (await readdir(folder)).sort() });
        } catch (e) {
          throw failure(e, `the folder ${folder} could not be read`);
        }
      }
      return out;
    },
    async close() {},
  };
}
