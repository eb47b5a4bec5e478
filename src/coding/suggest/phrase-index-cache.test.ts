import { describe, expect, it } from 'vitest';
import type { CmTable } from '../../codesets/index.ts';
import { PhraseIndexCache, runInSteps } from './phrase-index-cache.ts';
import { buildPhraseIndex, phraseIndexSteps, type PhraseIndex } from './phrases.ts';
import { smallPhraseIndex } from './testing.ts';

const { table } = smallPhraseIndex();

/** A cache whose builds are counted and take `steps` turns of the event loop. */
function countingCache(steps = 5) {
  const counted = { builds: 0 };
  const cache = new PhraseIndexCache(function* (t: CmTable): Generator<void, PhraseIndex, void> {
    counted.builds++;
    for (let i = 0; i < steps; i++) yield;
    return yield* phraseIndexSteps(t);
  });
  return { cache, counted };
}

describe('PhraseIndexCache', () => {
  it('builds a release once: a request during the build waits for the same build', async () => {
    const { cache, counted } = countingCache();
    const atStart = cache.indexFor(table); // the server's background build
    const during = cache.indexFor(table); // a suggestion that came before it was ready
    expect(during).toBe(atStart);
    const [a, b] = await Promise.all([atStart, during]);
    expect(a).toBe(b);
    expect(await cache.indexFor(table)).toBe(a);
    expect(counted.builds).toBe(1);
  });

  it('lets other work run between the build’s steps', async () => {
    const { cache } = countingCache(20);
    const order: string[] = [];
    const build = cache.indexFor(table).then(() => order.push('index built'));
    setImmediate(() => order.push('another request'));
    await build;
    expect(order).toEqual(['another request', 'index built']);
  });

  it('starts again after a failed build instead of failing every later request', async () => {
    let calls = 0;
    const cache = new PhraseIndexCache(function* (t: CmTable): Generator<void, PhraseIndex, void> {
      calls++;
      yield;
      if (calls === 1) throw new Error('out of memory');
      return yield* phraseIndexSteps(t);
    });
    await expect(cache.indexFor(table)).rejects.toThrow('out of memory');
    await expect(cache.indexFor(table)).resolves.toMatchObject({ table });
    expect(calls).toBe(2);
  });
});

describe('phraseIndexSteps', () => {
  it('makes the same index as the one-go build', async () => {
    const stepped = await runInSteps(phraseIndexSteps(table));
    expect([...stepped.byAnchor.entries()]).toEqual([...buildPhraseIndex(table).byAnchor.entries()]);
  });
});
