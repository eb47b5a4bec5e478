import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCodesetDir } from '../codesets/index.ts';
import { carcList } from './carc.ts';
import { mapDenial, seedMappingRows } from './mapping.ts';

// The real CARC file of the shared code-set folder, counted here independently of the reader.
const folder = path.join(defaultCodesetDir(), 'carc');
const file = path.join(folder, readdirSync(folder)[0]!, 'CodeSystem-ANSI-RSN-CD.fsh');
const codesInFile = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('* #'))
  .map((l) => /^\* #(\S+)/.exec(l)![1]!);

describe('the seed from the real CARC file', () => {
  it('reads every code of the file, with its text', async () => {
    const list = await carcList();
    expect(list.length).toBe(codesInFile.length);
    expect(list.length).toBe(407);
    expect(list.find((c) => c.code === '45')?.text).toMatch(/fee arrangement/);
  });

  it('gives every CARC of the file a row of version 1, none unmapped', async () => {
    const list = await carcList();
    const rows = seedMappingRows(list);
    const plain = rows.filter((r) => !r.groupCode && !r.remarkCode);
    expect(plain.length).toBe(codesInFile.length);
    expect(new Set(plain.map((r) => r.reasonCode))).toEqual(new Set(codesInFile));
    for (const code of codesInFile)
      expect(mapDenial(rows, { groupCode: 'CO', reasonCode: code, remarkCodes: [] }).row).not.toBeNull();
  });

  it('reads an empty folder as no list (the seed then holds only what our rules name)', async () => {
    expect(await carcList(path.join(folder, 'no-such-folder'))).toEqual([]);
  });
});
