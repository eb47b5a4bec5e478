import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../audit/index.ts';
import type { Executor } from '../db/connection.ts';
import { encounterOfPractice } from '../encounters/index.ts';
import { invalid, notFound } from '../shared/problem.ts';
import { pdfText } from './pdf-text.ts';
import { chartCode, chartDocument } from './tables.ts';

export interface ChartDocumentView {
  id: number;
  encounterId: number;
  kind: string;
  title: string;
  text: string;
  hasAttachment: boolean;
  attachmentContentType: string | null;
  sourceFormat: string;
  sourceId: string;
  authoredAt: string | null;
  authorNpi: string | null;
  createdAt: Date;
}

/** An encounter's notes, oldest first (the coder reads them in the order they were written). */
export async function listChartDocuments(
  db: Executor,
  practiceId: number,
  encounterId: number,
): Promise<ChartDocumentView[]> {
  const rows = await db
    .select({
      id: chartDocument.id,
      encounterId: chartDocument.encounterId,
      kind: chartDocument.kind,
      title: chartDocument.title,
      text: chartDocument.text,
      attachmentContentType: chartDocument.attachmentContentType,
      sourceFormat: chartDocument.sourceFormat,
      sourceId: chartDocument.sourceId,
      authoredAt: chartDocument.authoredAt,
      authorNpi: chartDocument.authorNpi,
      createdAt: chartDocument.createdAt,
    })
    .from(chartDocument)
    .where(and(eq(chartDocument.practiceId, practiceId), eq(chartDocument.encounterId, encounterId)))
    .orderBy(asc(chartDocument.authoredAt), asc(chartDocument.id));
  return rows.map((r) => ({ ...r, hasAttachment: r.attachmentContentType !== null }));
}

/** A note's original attachment (the PDF), when it came with one. */
export async function chartDocumentAttachment(
  db: Executor,
  practiceId: number,
  documentId: number,
): Promise<{ contentType: string; data: Buffer; title: string } | undefined> {
  const [row] = await db
    .select({
      data: chartDocument.attachment,
      contentType: chartDocument.attachmentContentType,
      title: chartDocument.title,
    })
    .from(chartDocument)
    .where(and(eq(chartDocument.practiceId, practiceId), eq(chartDocument.id, documentId)));
  if (!row?.data || !row.contentType) return undefined;
  return { data: row.data, contentType: row.contentType, title: row.title };
}

export interface ChartCodeView {
  system: string;
  code: string;
  display: string | null;
  kind: string;
  units: number | null;
  modifiers: string[] | null;
  value: string | null;
}

/** The codes the EHR recorded on an encounter (shown to the coder beside the note, never billed as is). */
export async function chartCodes(
  db: Executor,
  practiceId: number,
  encounterId: number,
): Promise<ChartCodeView[]> {
  return db
    .select({
      system: chartCode.system,
      code: chartCode.code,
      display: chartCode.display,
      kind: chartCode.kind,
      units: chartCode.units,
      modifiers: chartCode.modifiers,
      value: chartCode.value,
    })
    .from(chartCode)
    .where(and(eq(chartCode.practiceId, practiceId), eq(chartCode.encounterId, encounterId)))
    .orderBy(asc(chartCode.id));
}

export interface NewNote {
  title: string;
  /** progress-note, operative-report, discharge-summary, lab-result, query-addendum, other */
  kind: string;
  text?: string;
  /** A PDF: stored as sent, its text extracted for the coder and the suggestions. */
  pdf?: Uint8Array;
  authoredAt?: string;
  authorNpi?: string;
}

/**
 * Adds a note typed or uploaded by hand (or a physician query's answer, as an addendum) to an
 * encounter, with its audit event, in one transaction (the caller's, when it passes one).
 */
export async function addNote(
  db: Executor,
  practiceId: number,
  encounterId: number,
  note: NewNote,
  actor: AuditActor,
): Promise<{ id: number; text: string }> {
  const errors = [];
  if (!note.title?.trim()) errors.push({ pointer: '/title', detail: 'a note needs a title' });
  if (!note.kind?.trim()) errors.push({ pointer: '/kind', detail: 'a note needs a kind' });
  let text = note.text?.trim() ?? '';
  if (note.pdf) {
    const extracted = await pdfText(note.pdf);
    if (extracted === undefined)
      errors.push({ pointer: '/pdf', detail: 'the file is not a readable PDF (CHART_PDF_UNREADABLE)' });
    else text = text || extracted;
  }
  if (errors.length === 0 && !text && !note.pdf)
    errors.push({ pointer: '/text', detail: 'the note has no text (CHART_NOTE_EMPTY)' });
  if (errors.length > 0) throw invalid(errors);
  return db.transaction(async (tx) => {
    if (!(await encounterOfPractice(tx, practiceId, encounterId))) throw notFound(`encounter ${encounterId}`);
    const [row] = await tx
      .insert(chartDocument)
      .values({
        practiceId,
        encounterId,
        kind: note.kind.trim(),
        title: note.title.trim(),
        text,
        attachment: note.pdf ? Buffer.from(note.pdf) : null,
        attachmentContentType: note.pdf ? 'application/pdf' : null,
        sourceFormat: 'upload',
        sourceId: randomUUID(),
        authoredAt: note.authoredAt ?? new Date().toISOString(),
        authorNpi: note.authorNpi ?? null,
      })
      .returning({ id: chartDocument.id });
    await recordAudit(tx, actor, {
      practiceId,
      action: 'create',
      entity: 'chart_document',
      entityId: row!.id,
      after: { encounterId, title: note.title, kind: note.kind, pdf: Boolean(note.pdf) },
    });
    return { id: row!.id, text };
  });
}
