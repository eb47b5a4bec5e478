// DocumentReference and DiagnosticReport → chart documents: the note text from a base64
// attachment (plain text, HTML without its tags, or a PDF's extracted text), the PDF kept as sent.
import type { ChartDocument, SourcePlace } from '../content.ts';
import { pdfText } from '../pdf-text.ts';
import { chartProblem, type ChartProblem } from '../problems.ts';
import { arr, codings, obj, str, type Json } from './json.ts';

/** LOINC document types (the ones coders meet) → the kind the coding screen shows. */
const KIND: Record<string, string> = {
  '11506-3': 'progress-note',
  '34117-2': 'progress-note',
  '11488-4': 'consult-note',
  '11504-8': 'operative-report',
  '28570-0': 'procedure-note',
  '18842-5': 'discharge-summary',
  '34111-5': 'progress-note',
};

interface Attachment {
  text: string;
  pdf?: Uint8Array;
}

async function readAttachment(
  a: Json,
  where: SourcePlace,
  problems: ChartProblem[],
): Promise<Attachment | undefined> {
  const data = str(a.data);
  const type = (str(a.contentType) ?? 'text/plain').split(';')[0]!.trim().toLowerCase();
  if (!data) {
    if (str(a.url))
      problems.push(
        chartProblem(
          'CHART_NOTE_EMPTY',
          `the note is only a link (${str(a.url)}); send its content as data`,
          where,
          'warning',
        ),
      );
    return undefined;
  }
  const bytes = Buffer.from(data, 'base64');
  if (type === 'application/pdf') {
    const text = await pdfText(bytes);
    if (text === undefined) {
      problems.push(chartProblem('CHART_PDF_UNREADABLE', 'the attached PDF cannot be read', where));
      return undefined;
    }
    return { text, pdf: bytes };
  }
  const text = bytes.toString('utf8');
  return { text: type === 'text/html' ? htmlText(text) : text };
}

/** Text of an HTML note: block ends become line breaks, tags go, the five entities decode. */
function htmlText(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|\/li|\/h\d)[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

/** The note of a DocumentReference (content[].attachment) or a DiagnosticReport (presentedForm, conclusion). */
export async function documentOf(
  resource: Json,
  encounterId: string,
  authorNpi: string | undefined,
  where: SourcePlace,
  problems: ChartProblem[],
): Promise<ChartDocument | undefined> {
  const isReport = resource.resourceType === 'DiagnosticReport';
  const attachments = isReport
    ? arr(resource.presentedForm)
    : arr(resource.content).flatMap((c) => (obj(c.attachment) ? [c.attachment as Json] : []));
  const read: Attachment[] = [];
  for (const [i, a] of attachments.entries()) {
    const field = isReport
      ? `DiagnosticReport.presentedForm[${i}]`
      : `DocumentReference.content[${i}].attachment`;
    const got = await readAttachment(a, { ...where, field }, problems);
    if (got) read.push(got);
  }
  const concept = isReport ? resource.code : resource.type;
  const loinc = codings(concept).find((c) => /loinc/i.test(str(c.system) ?? ''));
  // A note sent as both text and PDF is one note: the first text is read, the PDF kept.
  const body = read.find((r) => !r.pdf) ?? read[0];
  const conclusion = isReport ? str(resource.conclusion) : undefined;
  const text = [conclusion, body?.text]
    .filter((t): t is string => Boolean(t))
    .join('\n\n')
    .trim();
  const pdf = read.find((r) => r.pdf)?.pdf;
  if (!text && !pdf) {
    problems.push(chartProblem('CHART_NOTE_EMPTY', 'the note has no text', where, 'warning'));
    return undefined;
  }
  const doc: ChartDocument = {
    encounterId,
    kind: isReport ? 'lab-result' : (KIND[str(loinc?.code) ?? ''] ?? 'other'),
    title:
      str(resource.description) ??
      str(obj(concept)?.text) ??
      str(codings(concept)[0]?.display) ??
      (isReport ? 'Diagnostic report' : 'Clinical note'),
    text,
    where,
  };
  if (pdf) doc.attachment = { contentType: 'application/pdf', data: pdf };
  const authored = str(resource.date) ?? str(resource.issued) ?? str(resource.effectiveDateTime);
  if (authored) doc.authoredAt = authored;
  if (authorNpi) doc.authorNpi = authorNpi;
  return doc;
}
