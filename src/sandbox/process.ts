// The sandbox process: polls the outbound folder cleanclaim uploads 837s to, answers each in the
// inbound folder (999, 277CA now; 835 once the scenario's delay has passed) and keeps its state
// (member accumulators, duplicate keys, claims waiting for adjudication) in a JSON file. Every file
// is written to a dot-named temp file and renamed, so a reader never sees half of one; the 837 is
// moved to received/ only after its answers and the state are written.
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  adjudicateDue,
  emptyState,
  receive837,
  type SandboxContext,
  type SandboxFile,
  type SandboxState,
} from './respond.ts';
import { readScenario, type Scenario, type ScenarioProblem } from './scenario.ts';

export interface SandboxFolders {
  /** Where cleanclaim writes 837 batches (the connection's outbound folder). */
  outDir: string;
  /** Where the sandbox writes its answers (the connection's inbound folder). */
  inDir: string;
  /** The sandbox's own folder: state.json and received/. */
  homeDir: string;
}

export class ScenarioError extends Error {
  constructor(
    readonly file: string,
    readonly problems: ScenarioProblem[],
  ) {
    super(`${file}: ${problems.map((p) => `${p.where}: ${p.message}`).join('\n')}`);
  }
}

export const DEFAULT_SCENARIO = new URL('./default-scenario.json', import.meta.url);

export async function loadScenario(file?: string): Promise<Scenario> {
  const path = file ?? DEFAULT_SCENARIO;
  const name = String(file ?? 'default-scenario.json');
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new ScenarioError(name, [
      { code: 'SANDBOX_SCENARIO_INVALID', where: '$', message: (e as Error).message },
    ]);
  }
  const { scenario, problems } = readScenario(json);
  if (problems.length > 0) throw new ScenarioError(name, problems);
  return scenario;
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = join(path, '..', `.${basename(path)}.${process.pid}.tmp`);
  await writeFile(temp, text);
  await rename(temp, path);
}

const statePath = (f: SandboxFolders) => join(f.homeDir, 'state.json');

export async function readState(f: SandboxFolders): Promise<SandboxState> {
  if (!existsSync(statePath(f))) return emptyState();
  return JSON.parse(await readFile(statePath(f), 'utf8')) as SandboxState;
}

const EXTENSION: Record<SandboxFile['kind'], string> = {
  TA1: 'ta1',
  '999': '999',
  '277CA': '277ca',
  '835': '835',
};

async function writeAnswers(f: SandboxFolders, stem: string, files: SandboxFile[], state: SandboxState) {
  for (const [i, file] of files.entries())
    await writeAtomically(
      join(f.inDir, `${stem}-${state.sequence}-${i + 1}-${file.kind}.${EXTENSION[file.kind]}`),
      file.text,
    );
}

export interface PollResult {
  received: string[];
  /** Files set aside in sandbox/failed/ (with a .why.txt). */
  failed: string[];
  written: number;
  adjudicated: number;
}

/** One round: answer every 837 waiting in the outbound folder, then adjudicate what is due. */
export async function pollOnce(f: SandboxFolders, ctx: SandboxContext): Promise<PollResult> {
  await mkdir(join(f.homeDir, 'received'), { recursive: true });
  await mkdir(f.inDir, { recursive: true });
  let state = await readState(f);
  const result: PollResult = { received: [], failed: [], written: 0, adjudicated: 0 };
  const names = existsSync(f.outDir) ? await readdir(f.outDir, { withFileTypes: true }) : [];
  for (const entry of names.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const path = join(f.outDir, entry.name);
    const text = await readFile(path, 'utf8');
    let r: Awaited<ReturnType<typeof receive837>>;
    try {
      r = await receive837(text, state, ctx);
    } catch (e) {
      // Not an interchange, or an answer our validator refuses: set aside with why, never half-answered.
      await mkdir(join(f.homeDir, 'failed'), { recursive: true });
      await writeFile(join(f.homeDir, 'failed', `${entry.name}.why.txt`), `${(e as Error).message}\n`);
      await rename(path, join(f.homeDir, 'failed', entry.name));
      result.failed.push(entry.name);
      continue;
    }
    state = r.state;
    await writeAnswers(f, entry.name.replace(/\.[^.]*$/, ''), r.files, state);
    await writeAtomically(statePath(f), JSON.stringify(state));
    await rename(path, join(f.homeDir, 'received', `${state.sequence}-${entry.name}`));
    result.received.push(entry.name);
    result.written += r.files.length;
  }
  const due = await adjudicateDue(state, ctx);
  if (due.adjudicated > 0) {
    await writeAnswers(f, 'remittance', due.files, due.state);
    await writeAtomically(statePath(f), JSON.stringify(due.state));
    result.written += due.files.length;
    result.adjudicated = due.adjudicated;
  }
  return result;
}

/** Polls until the signal aborts. `now` is read from the clock here, at the edge. */
export async function runSandbox(
  f: SandboxFolders,
  opts: Omit<SandboxContext, 'now'> & {
    pollMs: number;
    signal?: AbortSignal;
    log?: (line: string) => void;
  },
): Promise<void> {
  while (!opts.signal?.aborted) {
    const { pollMs: _poll, signal: _signal, log: _log, ...ctx } = opts;
    const r = await pollOnce(f, { ...ctx, now: new Date().toISOString() });
    for (const name of r.received) opts.log?.(`received ${name}`);
    for (const name of r.failed)
      opts.log?.(`could not answer ${name}: set aside in ${join(f.homeDir, 'failed')}`);
    if (r.adjudicated) opts.log?.(`adjudicated ${r.adjudicated} claim(s)`);
    await new Promise((resolve) => setTimeout(resolve, opts.pollMs));
  }
}
