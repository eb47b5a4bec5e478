// The inbound HL7 folder (CLEANCLAIM_HL7_INBOX), polled like the clearinghouse inbox: the EHR's
// interface engine drops files into <inbox>/<practice id>/; each file (one message, or several
// one after another, batch headers FHS/BHS allowed) is imported, its ACKs written beside it as
// <file>.ack, and the file moved to done/ (all AA) or failed/ (any AE/AR). A file moved after a
// crash is imported again harmlessly: the same message is a duplicate, answered AA.
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditActor } from '../../audit/index.ts';
import type { Executor } from '../../db/connection.ts';
import { normalizeHl7 } from './read.ts';
import { receiveHl7, type Hl7Receipt } from './receive.ts';

/** The messages of a file: each starts at an MSH; batch and file header/trailer segments fall away. */
export function splitHl7Messages(text: string): string[] {
  const messages: string[][] = [];
  for (const line of normalizeHl7(text).split('\r')) {
    if (/^(FHS|BHS|FTS|BTS)/.test(line)) continue;
    if (line.startsWith('MSH') || messages.length === 0) messages.push([line]);
    else messages[messages.length - 1]!.push(line);
  }
  return messages.map((m) => m.join('\r'));
}

export interface InboxFileOutcome {
  practiceId: number;
  file: string;
  movedTo: 'done' | 'failed';
  acks: Pick<Hl7Receipt, 'ackCode' | 'controlId' | 'messageType'>[];
}

async function receiveFile(
  db: Executor,
  practiceId: number,
  folder: string,
  name: string,
  actor: AuditActor,
  now: Date,
): Promise<InboxFileOutcome> {
  const path = join(folder, name);
  const receipts: Hl7Receipt[] = [];
  for (const message of splitHl7Messages(await readFile(path, 'utf8')))
    receipts.push(await receiveHl7(db, practiceId, message, actor, { now }));
  const movedTo = receipts.length > 0 && receipts.every((r) => r.ackCode === 'AA') ? 'done' : 'failed';
  await mkdir(join(folder, movedTo), { recursive: true });
  await writeFile(join(folder, movedTo, `${name}.ack`), receipts.map((r) => r.ack).join('\n'));
  await rename(path, join(folder, movedTo, name));
  return {
    practiceId,
    file: name,
    movedTo,
    acks: receipts.map(({ ackCode, controlId, messageType }) => ({ ackCode, controlId, messageType })),
  };
}

/** Imports every file waiting in <inbox>/<practice id>/, oldest first. */
export async function pollHl7Inbox(
  db: Executor,
  inbox: string,
  actor: AuditActor,
  now: Date = new Date(),
): Promise<InboxFileOutcome[]> {
  const outcomes: InboxFileOutcome[] = [];
  const practices = (await readdir(inbox, { withFileTypes: true }).catch(() => [])).filter(
    (d) => d.isDirectory() && /^\d+$/.test(d.name),
  );
  for (const practice of practices) {
    const folder = join(inbox, practice.name);
    const files = (await readdir(folder, { withFileTypes: true })).filter(
      (d) => d.isFile() && !d.name.startsWith('.') && !d.name.endsWith('.ack'),
    );
    const dated = await Promise.all(
      files.map(async (f) => ({ name: f.name, at: (await stat(join(folder, f.name))).mtimeMs })),
    );
    dated.sort((a, b) => a.at - b.at || a.name.localeCompare(b.name));
    for (const { name } of dated)
      outcomes.push(await receiveFile(db, Number(practice.name), folder, name, actor, now));
  }
  return outcomes;
}
