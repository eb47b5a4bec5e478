import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { unzipSync } from 'fflate';
import { CMS_BASE_URL, sourcesFor, type DownloadSource } from './sources.ts';

export interface DownloadedFile {
  zip: string;
  member: string;
  path: string;
  bytes: number;
  sha256: string;
}

export interface DownloadOptions {
  fiscalYear: number;
  dir: string;
  baseUrl?: string;
  onProgress?: (zip: string, received: number, total: number | undefined) => void;
  fetchImpl?: typeof fetch;
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/**
 * Fetches each release ZIP from CMS (or a mirror), extracts the files the importer reads into
 * the code-set folder layout, and records every file's size and SHA-256 in MANIFEST.json.
 */
export async function downloadCodesets(
  options: DownloadOptions,
): Promise<{ files: DownloadedFile[]; failed: { zip: string; error: string }[] }> {
  const files: DownloadedFile[] = [];
  const failed: { zip: string; error: string }[] = [];
  for (const source of sourcesFor(options.fiscalYear)) {
    try {
      files.push(...(await downloadOne(source, options)));
    } catch (error) {
      failed.push({ zip: source.zip, error: (error as Error).message });
    }
  }
  await mkdir(options.dir, { recursive: true });
  await writeFile(
    join(options.dir, `MANIFEST-${options.fiscalYear}.json`),
    `${JSON.stringify({ fiscalYear: options.fiscalYear, downloadedAt: new Date().toISOString(), files, failed }, null, 2)}\n`,
  );
  return { files, failed };
}

async function downloadOne(source: DownloadSource, options: DownloadOptions): Promise<DownloadedFile[]> {
  const url = new URL(source.zip, options.baseUrl ?? CMS_BASE_URL).toString();
  const response = await (options.fetchImpl ?? fetch)(url);
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
  const total = Number(response.headers.get('content-length')) || undefined;
  const chunks: Uint8Array[] = [];
  let received = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    chunks.push(chunk);
    received += chunk.length;
    options.onProgress?.(source.zip, received, total);
  }
  if (total !== undefined && received !== total)
    throw new Error(`${url}: received ${received} of ${total} bytes`);
  let members: Record<string, Uint8Array>;
  try {
    members = unzipSync(Buffer.concat(chunks));
  } catch (error) {
    throw new Error(`${source.zip}: not a readable ZIP (${(error as Error).message})`, { cause: error });
  }
  const out: DownloadedFile[] = [];
  const folder = join(options.dir, source.folder);
  await mkdir(folder, { recursive: true });
  for (const [name, data] of Object.entries(members)) {
    const file = basename(name);
    if (!source.keep.test(file)) continue;
    const path = join(folder, file);
    await writeFile(path, data);
    out.push({ zip: source.zip, member: name, path, bytes: data.length, sha256: sha256(data) });
  }
  if (out.length === 0) throw new Error(`${source.zip}: none of its files is one the importer reads`);
  return out;
}
