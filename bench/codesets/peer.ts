/**
 * Optional peer: the same documents and queries through a general-purpose search library, when
 * one is installed (minisearch, then flexsearch). Neither is a project dependency, so this is
 * skipped with a message otherwise.
 */
import { performance } from 'node:perf_hooks';
import type { SearchDoc } from '../../src/codesets/index.ts';

interface Peer {
  name: string;
  build(docs: SearchDoc[]): void;
  query(q: string): unknown;
}

async function load(): Promise<Peer | undefined> {
  try {
    const mod = (await import('minisearch' as string)) as {
      default: new (o: object) => { addAll(d: object[]): void; search(q: string, o: object): unknown[] };
    };
    const ms = new mod.default({ fields: ['text', 'code'], storeFields: [] });
    return {
      name: 'minisearch',
      build: (docs) => ms.addAll(docs.map((d, id) => ({ id, text: d.text, code: d.code }))),
      query: (q) => ms.search(q, { prefix: true, combineWith: 'AND' }).slice(0, 20),
    };
  } catch {
    /* not installed */
  }
  try {
    const mod = (await import('flexsearch' as string)) as {
      default: {
        Index: new (o: object) => { add(id: number, t: string): void; search(q: string, n: number): unknown };
      };
    };
    const fx = new mod.default.Index({ tokenize: 'forward' });
    return {
      name: 'flexsearch',
      build: (docs) => docs.forEach((d, i) => fx.add(i, `${d.code} ${d.text}`)),
      query: (q) => fx.search(q, 20),
    };
  } catch {
    return undefined;
  }
}

export async function runPeer(
  docs: SearchDoc[],
  queries: readonly string[],
  rounds: number,
  ours: { p50: number; p99: number },
) {
  const peer = await load();
  if (!peer) {
    console.log(
      '\nPeer library: skipped (neither minisearch nor flexsearch is installed; not a project dependency).',
    );
    return;
  }
  const t0 = performance.now();
  peer.build(docs);
  console.log(`\n${peer.name}: index built in ${(performance.now() - t0).toFixed(0)} ms`);
  for (const q of queries) peer.query(q);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const s = performance.now();
      peer.query(q);
      times.push(performance.now() - s);
    }
  }
  times.sort((a, b) => a - b);
  const p50 = times[Math.floor(times.length / 2)] ?? NaN;
  const p99 = times[Math.floor(times.length * 0.99)] ?? NaN;
  console.log(
    `${peer.name}: p50 ${(p50 * 1000).toFixed(0)} µs, p99 ${(p99 * 1000).toFixed(0)} µs; ratio to cleanclaim p50 ${(p50 / ours.p50).toFixed(1)}x, p99 ${(p99 / ours.p99).toFixed(1)}x`,
  );
}
