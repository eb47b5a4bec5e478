import { findMap } from '../maps/index.ts';
import type { TransactionMap } from '../maps/types.ts';
import { DEFAULT_PROBLEM_LIMIT, ProblemList, type X12Problem } from '../problems.ts';
import { checkElements } from './elements.ts';
import { EnvelopeReader, type FunctionalGroup, type Interchange, type TransactionSet } from './envelope.ts';
import { parseX12, transactionsOf, type X12Document } from './parse.ts';
import { streamSegmentBatches, type ByteSource } from './stream.ts';
import { SegmentSplitter } from './tokenizer.ts';
import type { LoopNode } from './tree.ts';
import { DEFAULT_DELIMITERS, type Delimiters, type Segment } from './types.ts';
import { MapWalker } from './walker.ts';

export interface TransactionResult {
  tx: TransactionSet;
  /** Guide map used, or null when we carry none for this set. */
  guide: string | null;
  /** The loop tree (null without a map). */
  tree: LoopNode | null;
  problems: X12Problem[];
  /** True when no error-or-worse problem is in this set. */
  accepted: boolean;
}

export interface ValidationResult {
  document: X12Document;
  transactions: TransactionResult[];
  /** Every problem: envelope first, then per transaction set (bounded to `limit`). */
  problems: X12Problem[];
  valid: boolean;
}

const isError = (p: X12Problem): boolean => p.severity === 'error' || p.severity === 'fatal';

function selectMap(tx: TransactionSet, gs08: string, list: ProblemList): TransactionMap | null {
  const where = {
    segmentNumber: tx.st.n,
    line: tx.st.line,
    segmentId: 'ST',
    positionInSet: 1,
    transaction: tx.controlNumber,
  };
  const st03 = tx.implementationRef;
  if (st03 && gs08 && st03 !== gs08)
    list.add('X12_VERSION_MISMATCH', `GS08 ${gs08} and ST03 ${st03} differ; using ST03.`, where);
  const choice = findMap(tx.setId, st03, gs08);
  if (!choice) {
    list.add(
      'X12_NO_MAP',
      `No guide map for ST01 ${tx.setId} ${st03 || gs08}; only the envelope was checked.`,
      where,
    );
    return null;
  }
  if (choice.fellBackFrom) {
    list.add('X12_ERRATA_FALLBACK', `${choice.fellBackFrom} checked with ${choice.map.guide}.`, where);
  }
  return choice.map;
}

function checkEnvelopeElements(doc: X12Document, d: Delimiters, list: ProblemList): void {
  const check = (s: Segment | null, tx?: string): void => {
    if (s)
      checkElements(s, undefined, d, list, {
        segmentNumber: s.n,
        line: s.line,
        segmentId: s.id,
        ...(tx ? { transaction: tx } : {}),
      });
  };
  for (const ic of doc.interchanges) {
    check(ic.isa);
    ic.ta1.forEach((s) => check(s));
    for (const g of ic.groups) {
      check(g.gs);
      for (const tx of g.transactions) {
        check(tx.st, tx.controlNumber);
        check(tx.se, tx.controlNumber);
      }
      check(g.ge);
    }
    check(ic.iea);
  }
}

/** Validates every transaction set against its guide map, keeping the loop trees. */
export function validateX12(
  input: string | Uint8Array | X12Document,
  opts: { limit?: number } = {},
): ValidationResult {
  const limit = opts.limit ?? DEFAULT_PROBLEM_LIMIT;
  const document =
    typeof input === 'string' || input instanceof Uint8Array ? parseX12(input, { limit }) : input;
  const d = document.delimiters ?? DEFAULT_DELIMITERS;
  const envelope = new ProblemList(limit);
  checkEnvelopeElements(document, d, envelope);
  const transactions: TransactionResult[] = [];
  for (const { tx, gs08 } of transactionsOf(document)) {
    const list = new ProblemList(limit);
    const map = selectMap(tx, gs08, list);
    let tree: LoopNode | null = null;
    if (map) {
      const w = new MapWalker(map, d, list, tx.controlNumber);
      for (const s of tx.body) w.push(s);
      w.end(tx.se ?? undefined);
      tree = w.root;
    }
    const problems = list.toArray();
    transactions.push({
      tx,
      guide: map?.guide ?? null,
      tree,
      problems,
      accepted: !problems.some(isError) && !txEnvelopeError(document, tx),
    });
  }
  const all = [...document.problems, ...envelope.toArray(), ...transactions.flatMap((t) => t.problems)];
  const problems = all.length > limit ? [...all.slice(0, limit), overflow(all.length - limit, limit)] : all;
  return { document, transactions, problems, valid: !all.some(isError) };
}

function txEnvelopeError(doc: X12Document, tx: TransactionSet): boolean {
  return doc.problems.some((p) => p.transaction === tx.controlNumber && isError(p));
}

function overflow(n: number, limit: number): X12Problem {
  return {
    code: 'X12_TOO_MANY_PROBLEMS',
    severity: 'warning',
    message: `${n} more problems not listed (limit ${limit}).`,
  };
}

export interface StreamSummary {
  segments: number;
  transactions: number;
  problems: X12Problem[];
  valid: boolean;
}

/**
 * Validates a byte stream without holding it: segments go straight through the envelope reader and
 * the guide walker, and only problems are kept. This is the path for very large files.
 */
export async function validateStream(
  source: ByteSource,
  opts: { limit?: number } = {},
): Promise<StreamSummary> {
  const problems = new ProblemList(opts.limit);
  const splitter = new SegmentSplitter(problems);
  let walker: MapWalker | null = null;
  let segments = 0;
  let transactions = 0;
  const env = new EnvelopeReader(
    problems,
    {
      startTransaction(tx: TransactionSet, g: FunctionalGroup, _ic: Interchange) {
        transactions++;
        const map = selectMap(tx, g.gs?.el[8] ?? '', problems);
        walker = map
          ? new MapWalker(map, splitter.delimiters ?? DEFAULT_DELIMITERS, problems, tx.controlNumber, false)
          : null;
      },
      segment(s: Segment) {
        walker?.push(s);
      },
      endTransaction(tx: TransactionSet) {
        walker?.end(tx.se ?? undefined);
        walker = null;
      },
    },
    false,
  );
  for await (const batch of streamSegmentBatches(source, splitter)) {
    segments += batch.length;
    for (const s of batch) {
      env.push(s);
      const c = (s.raw ?? s.id).charCodeAt(0);
      if ((c === 73 || c === 71) && (s.id === 'ISA' || s.id === 'GS' || s.id === 'IEA' || s.id === 'GE')) {
        checkElements(s, undefined, splitter.delimiters ?? DEFAULT_DELIMITERS, problems, {
          segmentNumber: s.n,
          line: s.line,
          segmentId: s.id,
        });
      }
    }
  }
  env.end();
  const list = problems.toArray();
  return { segments, transactions, problems: list, valid: !list.some(isError) };
}

export type X12Input = string | Uint8Array | X12Document | ValidationResult;

/** Accepts text, bytes, a parsed document or an existing validation result (so callers validate once). */
export function asValidation(input: X12Input): ValidationResult {
  if (typeof input === 'string' || input instanceof Uint8Array) return validateX12(input);
  if ('valid' in input) return input;
  return validateX12(input);
}
