import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { folderTransport } from './folder.ts';
import { TransportError } from './transport.ts';

describe('folder transport', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cleanclaim-folders-'));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a batch atomically, lists, reads and archives inbound files (dot files and archive/ left alone)', async () => {
    const t = folderTransport({ outboundDir: join(dir, 'out'), inboundDirs: [join(dir, 'in')] });
    mkdirSync(join(dir, 'in'), { recursive: true });
    await t.upload('b.837', 'ISA~');
    expect(readdirSync(join(dir, 'out'))).toEqual(['b.837']);
    writeFileSync(join(dir, 'in', 'x.999'), 'ST*999~');
    writeFileSync(join(dir, 'in', '.writing'), 'half');
    const files = await t.listInbound();
    expect(files.map((f) => f.name)).toEqual(['x.999']);
    expect(await t.download(files[0]!)).toBe('ST*999~');
    await t.archive(files[0]!);
    expect(await t.listInbound()).toEqual([]);
    expect(readdirSync(join(dir, 'in', 'archive'))).toEqual(['x.999']);
  });

  it('a missing inbound folder and an unwritable outbound folder are named failures', async () => {
    const t = folderTransport({ outboundDir: join(dir, 'ro'), inboundDirs: [join(dir, 'nowhere')] });
    await expect(t.listInbound()).rejects.toMatchObject({ failure: 'NOT_FOUND' });
    if (process.getuid?.() === 0) return; // root writes anywhere
    mkdirSync(join(dir, 'ro'), { recursive: true });
    chmodSync(join(dir, 'ro'), 0o555);
    await expect(t.upload('b.837', 'x')).rejects.toBeInstanceOf(TransportError);
  });
});
