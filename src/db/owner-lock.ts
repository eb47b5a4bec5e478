import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';

/**
 * One process owns a PGlite data directory: two PGlite instances on the same files corrupt them
 * (issue 10: "could not locate a valid checkpoint record"). The owner holds `DIR.lock` beside the
 * data directory; while it serves the database to other local processes the lock says where.
 */
export interface OwnerLock {
  pid: number;
  /** ISO time the owner took the lock. */
  since: string;
  /** The command line of the owner, for the message that names it. */
  command: string;
  /** Linux: the owner's start time in clock ticks after boot, so a reused pid is not taken for it. */
  startTicks?: number;
  /** Where the owner serves the database (node-postgres host: a socket directory) and its control socket. */
  serving?: { host: string; port: number; control: string };
}

export type LockOutcome =
  | { kind: 'owner'; lock: OwnerLock; path: string; tookOverFrom?: OwnerLock }
  | { kind: 'held'; lock: OwnerLock; path: string };

export function lockPathOf(dataDir: string): string {
  return `${dataDir.replace(/\/+$/, '')}.lock`;
}

/** Lock files this process holds: a second open in the same process is a client, not a takeover. */
const heldHere = new Set<string>();

/** Linux: fields 3 (state) and 22 (start time) of /proc/PID/stat, counted after the command name. */
function procStat(pid: number): { state: string; startTicks: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, startTicks: Number(fields[19]) };
  } catch {
    return undefined;
  }
}
const startTicksOf = (pid: number) => procStat(pid)?.startTicks;

function alive(lock: OwnerLock): boolean {
  if (lock.pid === process.pid) return false;
  try {
    process.kill(lock.pid, 0);
  } catch (error) {
    // EPERM: the pid exists but belongs to another user; it is alive.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(lock.pid);
  // A killed owner not yet reaped by its parent (a zombie) holds nothing any more.
  if (stat?.state === 'Z') return false;
  return lock.startTicks === undefined || stat === undefined || stat.startTicks === lock.startTicks;
}

export function readLock(path: string): OwnerLock | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as OwnerLock;
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock (created exclusively, so two processes cannot both win), or reports the live
 * holder. A lock left by a dead process is taken over.
 */
export function acquireLock(dataDir: string, command: string): LockOutcome {
  const path = lockPathOf(dataDir);
  let tookOverFrom: OwnerLock | undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    const ticks = startTicksOf(process.pid);
    const lock: OwnerLock = {
      pid: process.pid,
      since: new Date().toISOString(),
      command,
      ...(ticks === undefined ? {} : { startTicks: ticks }),
    };
    try {
      const fd = openSync(path, 'wx', 0o600);
      try {
        writeSync(fd, JSON.stringify(lock));
      } finally {
        closeSync(fd);
      }
      heldHere.add(path);
      return { kind: 'owner', lock, path, ...(tookOverFrom ? { tookOverFrom } : {}) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const held = readLock(path);
    // A lock being written this instant reads as empty: look again.
    if (!held) {
      if (attempt > 2) rmSync(path, { force: true });
      continue;
    }
    if (heldHere.has(path) || alive(held)) return { kind: 'held', lock: held, path };
    tookOverFrom = held;
    rmSync(path, { force: true });
  }
  throw new Error(`could not take the lock ${path}`);
}

/** Rewrites the owner's lock (a rename, so a reader never sees half of it). */
export function updateLock(path: string, lock: OwnerLock): void {
  const temp = `${path}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(lock));
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}

/** Removes the lock if this process still holds it. */
export function releaseLock(path: string): void {
  heldHere.delete(path);
  if (readLock(path)?.pid === process.pid) rmSync(path, { force: true });
}

export function describeHolder(lock: OwnerLock): string {
  return `pid ${lock.pid} (${lock.command}, since ${lock.since})`;
}
