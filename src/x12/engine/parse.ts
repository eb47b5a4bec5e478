import { ProblemList, type X12Problem } from '../problems.ts';
import { EnvelopeReader, type Interchange, type TransactionSet } from './envelope.ts';
import { tokenize } from './tokenizer.ts';
import type { Delimiters } from './types.ts';

export interface X12Document {
  /** Null when the input could not be read at all (see problems). */
  delimiters: Delimiters | null;
  interchanges: Interchange[];
  /** Tokenizer and envelope problems (bounded). */
  problems: X12Problem[];
}

export interface ParseOptions {
  /** Most problems to list (default 100). */
  limit?: number;
}

/** Reads X12 text or bytes into its envelope structure. Never throws on input. */
export function parseX12(input: string | Uint8Array, opts: ParseOptions = {}): X12Document {
  const problems = new ProblemList(opts.limit);
  const t = tokenize(input, problems);
  const env = new EnvelopeReader(problems);
  for (const s of t.segments) env.push(s);
  env.end();
  return { delimiters: t.delimiters, interchanges: env.interchanges, problems: problems.toArray() };
}

/** Every transaction set in document order, with its group and interchange headers. */
export function* transactionsOf(
  doc: X12Document,
): Generator<{ tx: TransactionSet; gs08: string; interchange: Interchange }> {
  for (const ic of doc.interchanges) {
    for (const g of ic.groups) {
      for (const tx of g.transactions) yield { tx, gs08: g.gs?.el[8] ?? '', interchange: ic };
    }
  }
}
