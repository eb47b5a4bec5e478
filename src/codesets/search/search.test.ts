import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { words } from './tokenize.ts';
import path from 'node:path';
import { buildSearchIndex, buildSearchIndexInSlices } from './searchIndex.ts';
import type { SearchIndex } from './searchIndex.ts';
import { search } from './query.ts';
import { importPcsIndex } from '../icd10pcs/pcsIndex.ts';
import { importFshCodeSystem } from '../fhir/codeSystem.ts';
import {
  cmDocuments,
  conceptDocuments,
  pcsIndexDocuments,
  hcpcsDocuments,
  inclusionTermDocuments,
  indexTermDocuments,
  pcsDocuments,
} from './documents.ts';
import type { SearchDoc } from './documents.ts';
import { detectReleases } from '../release/detect.ts';
import { loadCodeTables } from '../load/loadTables.ts';
import { importAlphabeticIndex } from '../icd10cm/alphabeticIndex.ts';
import { importTabular } from '../icd10cm/tabular.ts';
import { collect } from '../testing.ts';
import {
  deserializeSearchIndex,
  deserializeSearchIndexOffThread,
  serializeSearchIndex,
  serializeSearchIndexOffThread,
} from './serialize.ts';
import { buildCmTable } from '../tables/cmTable.ts';
import { icd10FiscalYear } from '../release/release.ts';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';

const shared = path.resolve(process.cwd(), '../shared/codesets/icd10cm/2026');
const fixture = path.resolve(
  import.meta.dirname,
  '../fixtures/tabular/pass/diabetes-asthma-injury-poisoning.xml',
);
let index: SearchIndex;
let docs: SearchDoc[];

beforeAll(async () => {
  const releases = (await detectReleases()).filter((r) =>
    ['ICD-10-CM|2026', 'ICD-10-PCS|2026', 'HCPCS|2026-JAN'].includes(
      `${r.release.system}|${r.release.version}`,
    ),
  );
  const tables = await loadCodeTables(releases);
  const cm = tables.icd10cm[0]!;
  docs = [...cmDocuments(cm), ...pcsDocuments(tables.icd10pcs[0]!), ...hcpcsDocuments(tables.hcpcs[0]!)];
  for (const f of ['icd10cm_drug_2026.xml', 'icd10cm_neoplasm_2026.xml', 'icd10cm_eindex_2026.xml']) {
    docs.push(...indexTermDocuments(await collect(importAlphabeticIndex(`${shared}/${f}`)), cm));
  }
  docs.push(...inclusionTermDocuments(await collect(importTabular(fixture)), cm));
  docs.push(
    ...pcsIndexDocuments(
      await collect(importPcsIndex(path.resolve(shared, '../../icd10pcs/2025/icd10pcs_index_2025.xml'))),
      tables.icd10pcs[0],
    ),
  );
  docs.push(
    ...conceptDocuments(
      'POS',
      await collect(
        importFshCodeSystem(
          path.resolve(shared, '../../place_of_service/cms-bfd-2026-08-22/CodeSystem-CLM-POS-CD.fsh'),
        ),
      ),
    ),
  );
  index = buildSearchIndex(docs);
  searchDocs = docs;
}, 120_000);
let searchDocs: SearchDoc[] = [];

const codes = (q: string, limit = 10) => search(index, q, { limit }).map((h) => h.display);

describe('code search', () => {
  it('indexes about a quarter million entries', () => {
    expect(index.docs.length).toBeGreaterThan(200_000);
  });

  it('puts the exact code first, then billable codes under the prefix before headers', () => {
    const hits = search(index, 'J45', { limit: 30 });
    expect(hits[0]).toMatchObject({ display: 'J45', via: 'code', billable: false });
    expect(hits[1]?.billable).toBe(true);
    const firstHeader = hits.findIndex((h, i) => i > 0 && !h.billable && h.via === 'code');
    const lastBillable = hits.map((h) => h.via === 'code' && h.billable).lastIndexOf(true);
    expect(firstHeader === -1 || firstHeader > lastBillable).toBe(true);
    expect(codes('j45.909')[0]).toBe('J45.909');
    expect(codes('S52521A')[0]).toBe('S52.521A');
    expect(codes('0016070')[0]).toBe('0016070');
    expect(codes('A0080')[0]).toBe('A0080');
  });

  it('matches every query word as a word prefix, billable first', () => {
    const hits = search(index, 'torus frac rad', { systems: ['ICD-10-CM'] });
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits.filter((x) => x.via === 'description'))
      expect(h.title.toLowerCase()).toMatch(/torus/);
    expect(hits[0]?.billable).toBe(true);
    expect(search(index, 'asthma uncomplicated')[0]?.billable).toBe(true);
    expect(search(index, 'zzzqqq')).toEqual([]);
  });

  it('finds codes through index terms (drug table, external cause) and inclusion terms', () => {
    const ibu = search(index, 'ibuprofen adverse');
    expect(ibu[0]).toMatchObject({ via: 'index term', display: 'T39.315' });
    expect(codes('barefoot water skier', 4)).toEqual(['V94.4XXA', 'V94.4XXD', 'V94.4XXS', 'V94.4']);
    expect(search(index, 'abandonment', { limit: 40 }).find((h) => h.display === 'X58')).toMatchObject({
      via: 'index term',
    });
    expect(search(index, 'juvenile onset diabetes').map((h) => h.display)).toContain('E10');
  });

  it('finds PCS tables through the PCS index and POS codes by name', () => {
    const hits = search(index, 'appendectomy', { systems: ['ICD-10-PCS'] });
    expect(hits.map((h) => h.display)).toEqual(expect.arrayContaining(['0DBJ', '0DTJ']));
    expect(search(index, 'urgent care', { systems: ['POS'] })[0]).toMatchObject({ display: '20' });
  });

  it('property: words taken from one entry find hits, each having every query word as a word start', () => {
    const byKey = new Map(docs.map((d) => [`${d.system}|${d.code}|${d.via}|${d.title}`, d]));
    fc.assert(
      fc.property(
        fc.nat(docs.length - 1),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 2, max: 8 })), { minLength: 1, maxLength: 3 }),
        (d, picks) => {
          const ws = words(docs[d]!.text);
          const query = picks.map(([w, len]) => ws[w % ws.length]!.slice(0, len)).join(' ');
          if (/^[a-z0-9]{2,7}$/i.test(query) && /\d/.test(query)) return; // reads as a code
          const hits = search(index, query, { limit: 20 });
          expect(hits.length, query).toBeGreaterThan(0);
          const qs = words(query);
          for (const h of hits) {
            const doc = byKey.get(`${h.system}|${h.code}|${h.via}|${h.title}`)!;
            const dw = words(doc.text);
            for (const q of qs)
              expect(
                dw.some((w) => (q.length === 1 ? w === q : w.startsWith(q))),
                `${query} → ${h.display}`,
              ).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('filters by system', () => {
    expect(search(index, 'wheelchair', { systems: ['HCPCS'] }).every((h) => h.system === 'HCPCS')).toBe(true);
    expect(search(index, 'wheelchair', { systems: ['HCPCS'] }).length).toBeGreaterThan(0);
  });
});

describe('stored search index', () => {
  it('answers every benchmark query the same after serialize → deserialize', async () => {
    const { QUERIES } = await import('../../../bench/codesets/queries.ts');
    const t0 = performance.now();
    const bytes = serializeSearchIndex(index);
    const t1 = performance.now();
    const loaded = deserializeSearchIndex(bytes);
    const t2 = performance.now();
    console.log(
      `stored search index: ${index.docs.length} documents, ${(bytes.length / 1e6).toFixed(1)} MB Brotli, serialize ${(t1 - t0).toFixed(0)} ms, load ${(t2 - t1).toFixed(0)} ms`,
    );
    for (const q of [...QUERIES, 'appendectomy', 'urgent care'])
      expect(search(loaded, q, { limit: 30 }), q).toEqual(search(index, q, { limit: 30 }));
    expect(search(loaded, 'wheelchair', { systems: ['HCPCS'] })).toEqual(
      search(index, 'wheelchair', { systems: ['HCPCS'] }),
    );
  });

  it('refuses a damaged, cut or foreign blob (the caller rebuilds)', () => {
    const small = buildSearchIndex([...cmDocuments(buildCmTable(icd10FiscalYear('ICD-10-CM', 2026), []))]);
    const bytes = serializeSearchIndex(small);
    expect(deserializeSearchIndex(bytes).docs).toEqual([]);
    expect(() => deserializeSearchIndex(bytes.subarray(0, bytes.length - 10))).toThrow();
    expect(() => deserializeSearchIndex(brotliCompressSync(Buffer.from('not an index at all')))).toThrow(
      /not a stored search index/,
    );
    const raw = brotliDecompressSync(bytes);
    raw.writeUInt32LE(99, 4);
    expect(() => deserializeSearchIndex(brotliCompressSync(raw))).toThrow(/format 99/);
  });
});

describe('building and storing without stopping a server (issue 10)', () => {
  it('builds the same index in slices, pausing between them', async () => {
    let pauses = 0;
    const sliced = await buildSearchIndexInSlices(searchDocs, async () => {
      pauses++;
    });
    expect(pauses).toBeGreaterThan(searchDocs.length / 5_000);
    // Compared as bytes: a deep comparison of a quarter million documents takes minutes.
    const same = (a: ArrayBufferView, b: ArrayBufferView) =>
      Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
        Buffer.from(b.buffer, b.byteOffset, b.byteLength),
      );
    for (const k of [
      'docWordStart',
      'docWords',
      'postingStart',
      'postings',
      'codeDocs',
      'staticRank',
      'systemOf',
    ] as const)
      expect(same(sliced[k], index[k]), k).toBe(true);
    expect(
      JSON.stringify([sliced.docs, sliced.vocab, sliced.codeKeys]) ===
        JSON.stringify([index.docs, index.vocab, index.codeKeys]),
    ).toBe(true);
  });

  it('compresses and decompresses off the main thread to the same bytes and index', async () => {
    const bytes = await serializeSearchIndexOffThread(index);
    expect(Buffer.from(bytes).equals(Buffer.from(serializeSearchIndex(index)))).toBe(true);
    const loaded = await deserializeSearchIndexOffThread(bytes);
    expect(search(loaded, 'appendectomy', { limit: 30 })).toEqual(
      search(index, 'appendectomy', { limit: 30 }),
    );
  });
});
