import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { CmTable } from '../../codesets/index.ts';
import type { CodeSetCatalog } from '../../codesets/catalog.ts';
import type { Db } from '../../db/connection.ts';
import { compileValidator } from '../../http/ajv.ts';
import { PhraseIndexCache } from './phrase-index-cache.ts';
import { phraseIndexSteps, type PhraseIndex } from './phrases.ts';
import { registerCodingSuggestRoutes } from './route.ts';
import { smallPhraseIndex } from './testing.ts';

// The phrase index is built when the code sets have loaded at start, not by the first suggestion;
// a suggestion that comes before the build is done waits for it. A release in force on any day
// (so "today" needs no clock here).
const { table: small } = smallPhraseIndex();
const table: CmTable = { ...small, release: { ...small.release, effectiveThrough: undefined } };
let tables = [table];
const reloaded: (() => void)[] = [];
const catalog = {
  loaded: true,
  codeTables: () => ({ icd10cm: tables }),
  onReload: (listener: () => void) => reloaded.push(listener),
} as unknown as CodeSetCatalog;

async function startApp() {
  const counted = { builds: 0, done: false };
  const indexes = new PhraseIndexCache(function* (t: CmTable): Generator<void, PhraseIndex, void> {
    counted.builds++;
    for (let i = 0; i < 10; i++) yield;
    const index = yield* phraseIndexSteps(t);
    counted.done = true;
    return index;
  });
  let loaded = () => {};
  const buildIndexAfter = new Promise<void>((resolve) => (loaded = resolve));
  const app = Fastify();
  app.setValidatorCompiler(compileValidator);
  registerCodingSuggestRoutes(app, {} as Db, catalog, { buildIndexAfter, indexes });
  await app.ready();
  return { app, counted, loaded };
}

const suggest = (app: Awaited<ReturnType<typeof startApp>>['app']) =>
  app.inject({
    method: 'POST',
    url: '/api/coding/suggest',
    payload: { text: 'Assessment: essential hypertension.', dateOfService: '2026-03-02' },
  });

describe('the phrase index at start', () => {
  it('is built once the code sets have loaded, before any suggestion', async () => {
    const { app, counted, loaded } = await startApp();
    expect(counted.builds).toBe(0);
    loaded();
    for (let turns = 0; !counted.done && turns < 1000; turns++) await new Promise(setImmediate);
    expect(counted).toEqual({ builds: 1, done: true });
    const res = await suggest(app);
    expect(res.json().suggestions[0].code).toBe('I10');
    expect(counted.builds).toBe(1);
    // code sets imported later: the catalog reloads, and the new table's index is built then
    tables = [{ ...table }];
    for (const listener of reloaded) listener();
    expect(counted.builds).toBe(2);
    tables = [table];
    await app.close();
  });

  it('a suggestion during the build waits for that build (one build, not two)', async () => {
    const { app, counted, loaded } = await startApp();
    loaded();
    await new Promise(setImmediate);
    expect(counted).toEqual({ builds: 1, done: false });
    const [first, second] = await Promise.all([suggest(app), suggest(app)]);
    expect(counted.builds).toBe(1);
    expect(first.json().suggestions[0].code).toBe('I10');
    expect(second.json()).toEqual(first.json());
    await app.close();
  });
});
