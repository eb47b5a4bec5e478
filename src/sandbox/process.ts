// The sandbox process: each round it looks in the folder cleanclaim uploads to, answers every file
// (an 837 with its TA1/999/277CA; 835s once the scenario's delay has passed), and keeps its state
// (member accumulators, duplicate keys, claims waiting for adjudication) in a JSON file.
//
// Each file is answered exactly once, whatever moment the process is killed at. The answers are
// recorded in state.json, with the SHA-256 of the file they answer, before any is delivered (the
// state is written to a temp file and renamed: that rename is the commit). Then they are uploaded
// (atomically, one by one, each struck from the record once it is up) and only then is the file
// moved to archive/. After a crash, the next round first delivers what is recorded, and a file it
// finds again whose hash is recorded is archived without being answered again.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { recogniseInbound, type RemoteFile } from '../clearinghouse/index.ts';
import { tokenize } from '../x12/index.ts';
import { answer270 } from './eligibility.ts';
import { folderLink, type Mailbox, type SandboxFolders, type SandboxLink } from './link.ts';
import {
  adjudicateDue,
  emptyState,
  receive837,
  type SandboxContext,
  type SandboxFile,
  type SandboxState,
} from './respond.ts';
import { answer276 } from './status.ts';

export { DEFAULT_SCENARIO, loadScenario, ScenarioError } from './scenario-file.ts';
export type { SandboxFolders, SandboxLink };

/** An answer recorded, waiting to be uploaded into its mailbox's inbound folder. */
export interface Undelivered {
  name: string;
  text: string;
  /** The mailbox's key ('' for a single folder pair or SFTP login). */
  to: string;
}

/** state.json: the payers' state, and what has been answered and is still to be delivered. */
export interface StoredState extends SandboxState {
  /** Every file answered, by the SHA-256 of its content. */
  answered: Record<string, { file: string; received: string; answers: string[]; at: string }>;
  outbox: Undelivered[];
  /** The mailbox each submitter (ISA06) sent from: where its 835s go. */
  mailboxOf: Record<string, string>;
}

const statePath = (homeDir: string) => join(homeDir, 'state.json');

export async function readState(homeDir: string): Promise<StoredState> {
  const stored = existsSync(statePath(homeDir))
    ? (JSON.parse(await readFile(statePath(homeDir), 'utf8')) as Partial<StoredState>)
    : {};
  // A state.json written before answers were recorded lacks the last three.
  return { ...emptyState(), answered: {}, outbox: [], mailboxOf: {}, ...stored };
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = join(path, '..', `.${basename(path)}.${process.pid}.tmp`);
  await writeFile(temp, text);
  await rename(temp, path);
}

export const saveState = (homeDir: string, state: StoredState) =>
  writeAtomically(statePath(homeDir), JSON.stringify(state));

const turns = new Map<string, Promise<unknown>>();

/**
 * Runs `work` when nothing else of this process is reading or writing the state in `homeDir`: a
 * round of the mailboxes and a real-time answer (both read the state, then write it) take turns,
 * so neither writes over what the other recorded meanwhile.
 */
export function withState<T>(homeDir: string, work: () => Promise<T>): Promise<T> {
  const previous = turns.get(homeDir) ?? Promise.resolve();
  const mine = previous.then(work, work);
  const settled = mine.then(
    () => undefined,
    () => undefined,
  );
  turns.set(homeDir, settled);
  void settled.then(() => {
    if (turns.get(homeDir) === settled) turns.delete(homeDir);
  });
  return mine;
}

const EXTENSION: Record<SandboxFile['kind'], string> = {
  TA1: 'ta1',
  '999': '999',
  '277CA': '277ca',
  '835': '835',
  '271': '271',
  '277': '277',
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** ISA06 (sender) or ISA08 (receiver) of an interchange, or '' when it is not one. */
function isaId(text: string, n: 6 | 8): string {
  const isa = tokenize(text.slice(0, 512)).segments[0];
  return isa?.id === 'ISA' ? (isa.el[n] ?? '').trim() : '';
}

/**
 * Uploads the recorded answers, oldest first, striking each from the record once it is up. An
 * answer whose mailbox is not open this round (its folder gone) waits.
 */
async function deliver(boxes: Mailbox[], homeDir: string, state: StoredState): Promise<void> {
  for (const next of [...state.outbox]) {
    const box = boxes.find((b) => b.key === (next.to ?? ''));
    if (!box) continue;
    // An upload replaces a file of the same name: sent again after a crash, it is still one file
    // (and cleanclaim applies a file it has fetched before, by its hash, never twice).
    await box.transport.upload(next.name, next.text);
    state.outbox = state.outbox.filter((o) => o !== next);
    await saveState(homeDir, state);
  }
}

type Answerer = (
  text: string,
  state: SandboxState,
  ctx: SandboxContext,
) => Promise<{ files: SandboxFile[]; state: SandboxState }>;

/** Who answers a file, by the ST01 of its first transaction set; an 837 (or anything else) gets the 837's answers. */
export const ANSWERERS: Record<string, Answerer> = { '270': answer270, '276': answer276 };

/** The answer to one file, by what it is (its name says nothing). */
function answer(text: string, state: SandboxState, ctx: SandboxContext) {
  const type = recogniseInbound(text).transactionType ?? '';
  return (ANSWERERS[type] ?? receive837)(text, state, ctx);
}

export interface PollResult {
  received: string[];
  /** Files set aside in sandbox/failed/ (with a .why.txt). */
  failed: string[];
  /** Files found again after a crash whose answers were already recorded: archived, not answered again. */
  skipped: string[];
  written: number;
  adjudicated: number;
}

/** A file that cannot be answered: a copy and why in failed/, then out of the way. */
async function setAside(homeDir: string, file: RemoteFile, text: string, why: Error) {
  await mkdir(join(homeDir, 'failed'), { recursive: true });
  await writeFile(join(homeDir, 'failed', `${file.name}.why.txt`), `${why.message}\n`);
  await writeFile(join(homeDir, 'failed', file.name), text);
}

async function answerAll(
  boxes: Mailbox[],
  box: Mailbox,
  homeDir: string,
  start: StoredState,
  ctx: SandboxContext,
  result: PollResult,
): Promise<StoredState> {
  const { transport } = box;
  let state = start;
  for (const file of await transport.listInbound()) {
    const text = await transport.download(file);
    const hash = sha256(text);
    if (state.answered[hash]) result.skipped.push(file.name);
    else {
      let r: Awaited<ReturnType<typeof answer>>;
      try {
        r = await answer(text, state, ctx);
      } catch (e) {
        // Not an interchange, or an answer our validator refuses: set aside with why, never half-answered.
        await setAside(homeDir, file, text, e as Error);
        await transport.archive(file);
        result.failed.push(file.name);
        continue;
      }
      const stem = file.name.replace(/\.[^.]*$/, '');
      const answers = r.files.map((f, i) => ({
        name: `${stem}-${r.state.sequence}-${i + 1}-${f.kind}.${EXTENSION[f.kind]}`,
        text: f.text,
        to: box.key,
      }));
      const submitter = isaId(text, 6);
      const record = {
        file: file.name,
        received: `${r.state.sequence}-${file.name}`,
        answers: answers.map((a) => a.name),
        at: ctx.now,
      };
      state = {
        ...state,
        ...r.state,
        answered: { ...state.answered, [hash]: record },
        outbox: [...state.outbox, ...answers],
        mailboxOf: submitter ? { ...state.mailboxOf, [submitter]: box.key } : state.mailboxOf,
      };
      await saveState(homeDir, state);
      result.received.push(file.name);
      result.written += answers.length;
    }
    await deliver(boxes, homeDir, state);
    await writeFile(join(homeDir, 'received', state.answered[hash]!.received), text);
    await transport.archive(file);
  }
  return state;
}

/** One round: deliver what an interrupted round left, answer every file waiting, adjudicate what is due. */
export function pollOnce(where: SandboxLink | SandboxFolders, ctx: SandboxContext): Promise<PollResult> {
  const link = 'open' in where ? where : folderLink(where);
  return withState(link.homeDir, () => round(link, ctx));
}

async function round(link: SandboxLink, ctx: SandboxContext): Promise<PollResult> {
  await mkdir(join(link.homeDir, 'received'), { recursive: true });
  let state = await readState(link.homeDir);
  const result: PollResult = { received: [], failed: [], skipped: [], written: 0, adjudicated: 0 };
  const boxes = await link.open();
  try {
    await deliver(boxes, link.homeDir, state);
    for (const box of boxes) state = await answerAll(boxes, box, link.homeDir, state, ctx, result);
    const due = await adjudicateDue(state, ctx);
    if (due.adjudicated > 0) {
      // Each 835 goes to the mailbox its submitter (its ISA08) sent the claims from.
      const answers = due.files.map((f, i) => ({
        name: `remittance-${due.state.sequence}-${i + 1}-${f.kind}.${EXTENSION[f.kind]}`,
        text: f.text,
        to: state.mailboxOf[isaId(f.text, 8)] ?? boxes[0]?.key ?? '',
      }));
      state = { ...state, ...due.state, outbox: [...state.outbox, ...answers] };
      await saveState(link.homeDir, state);
      await deliver(boxes, link.homeDir, state);
      result.written += answers.length;
      result.adjudicated = due.adjudicated;
    }
  } finally {
    await Promise.all(boxes.map((b) => b.transport.close()));
  }
  return result;
}

/** Waits `ms`, or less when the signal aborts. */
const pause = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/**
 * Polls until the signal aborts (a round under way finishes first). `now` is read from the clock
 * here, at the edge. A round that fails (the server unreachable, a folder not writable) is logged
 * and the next one tries again.
 */
export async function runSandbox(
  where: SandboxLink | SandboxFolders,
  opts: Omit<SandboxContext, 'now'> & {
    pollMs: number;
    signal?: AbortSignal;
    log?: (line: string) => void;
  },
): Promise<void> {
  const link = 'open' in where ? where : folderLink(where);
  const { pollMs, signal, log, ...ctx } = opts;
  while (!signal?.aborted) {
    try {
      const r = await pollOnce(link, { ...ctx, now: new Date().toISOString() });
      for (const name of r.received) log?.(`received ${name}`);
      for (const name of r.skipped) log?.(`${name} was answered before it was archived: archived now`);
      for (const name of r.failed)
        log?.(`could not answer ${name}: set aside in ${join(link.homeDir, 'failed')}`);
      if (r.adjudicated) log?.(`adjudicated ${r.adjudicated} claim(s)`);
    } catch (e) {
      log?.(`this round failed, trying again in ${pollMs} ms: ${(e as Error).message}`);
    }
    await pause(pollMs, signal);
  }
}
