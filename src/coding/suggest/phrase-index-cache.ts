/**
 * One phrase index per loaded ICD-10-CM release, built once: in the background when the server
 * starts, or by the first suggestion for a release. A suggestion that comes while the index is
 * being built waits for that same build (never a second one). The build takes a second or more,
 * so it runs in steps with a turn of the event loop between them: the server goes on answering
 * other requests meanwhile.
 */
import type { CmTable } from '../../codesets/index.ts';
import { phraseIndexSteps, type PhraseIndex } from './phrases.ts';

export type PhraseIndexBuild = (table: CmTable) => Generator<void, PhraseIndex, void>;

export class PhraseIndexCache {
  private readonly builds = new WeakMap<CmTable, Promise<PhraseIndex>>();

  constructor(private readonly build: PhraseIndexBuild = (table) => phraseIndexSteps(table)) {}

  /** The release's index: built, being built (the same promise), or started now. */
  indexFor(table: CmTable): Promise<PhraseIndex> {
    let index = this.builds.get(table);
    if (!index) {
      index = runInSteps(this.build(table));
      this.builds.set(table, index);
      // a build that failed is started again by the next request rather than failing every one
      index.catch(() => this.builds.delete(table));
    }
    return index;
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs a stepwise build to its end, letting timers and I/O run between steps. */
export async function runInSteps<T>(steps: Generator<void, T, void>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await nextTurn();
  }
}
