import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectReleases } from '../release/detect.ts';
import { downloadCodesets } from './download.ts';

// A local mirror on 127.0.0.1 serving ZIPs in CMS's packaging: the real download path runs
// (fetch, progress, size check, unzip, checksums) without leaving the machine.
const order = '00001 A00     0 Cholera                                                      Cholera\n';
const zips: Record<string, Uint8Array> = {
  '2026-code-descriptions-tabular-order.zip': zipSync({
    'Code Descriptions/icd10cm_order_2026.txt': strToU8(order),
    'Code Descriptions/README.pdf': strToU8('pdf'),
  }),
  'january-2026-alpha-numeric-hcpcs-file.zip': strToU8('this is not a zip'),
};

describe('codesets download', () => {
  let server: Server;
  let baseUrl: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const name = decodeURIComponent((req.url ?? '/').slice(1));
      const body = zips[name];
      if (!body) return res.writeHead(404).end();
      res.writeHead(200, { 'content-length': body.length }).end(Buffer.from(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address() as { port: number };
    baseUrl = `http://127.0.0.1:${address.port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('extracts the files the importer reads into the release layout and records checksums', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'download-'));
    const progress: number[] = [];
    const result = await downloadCodesets({
      fiscalYear: 2026,
      dir,
      baseUrl,
      onProgress: (_zip, received) => progress.push(received),
    });
    expect(result.files.map((f) => f.member)).toEqual(['Code Descriptions/icd10cm_order_2026.txt']);
    expect(result.files[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(progress.length).toBeGreaterThan(0);
    expect(readFileSync(join(dir, 'icd10cm/2026/icd10cm_order_2026.txt'), 'utf8')).toBe(order);
    const releases = await detectReleases(dir);
    expect(releases.map((r) => `${r.release.system} ${r.release.version}`)).toEqual(['ICD-10-CM 2026']);
    // Every other ZIP failed, each with a reason: missing (404) or corrupt.
    expect(result.failed.find((f) => f.zip.startsWith('january'))!.error).toMatch(/not a readable ZIP/);
    expect(result.failed.find((f) => f.zip.includes('pcs'))!.error).toMatch(/HTTP 404/);
    const manifest = JSON.parse(readFileSync(join(dir, 'MANIFEST-2026.json'), 'utf8'));
    expect(manifest.files).toHaveLength(1);
  });
});
