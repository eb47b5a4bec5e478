// One HL7 v2 message received (from the MLLP listener, the inbound folder or the CLI): read it,
// import what it says through the one chart merge, and answer the ACK the sender waits for.
// A message is imported whole or not at all; the same message twice is answered AA, nothing changed.
import { randomUUID } from 'node:crypto';
import type { AuditActor } from '../../audit/index.ts';
import type { Executor } from '../../db/connection.ts';
import type { ChartContent } from '../content.ts';
import { importChartContent, type ChartImportResult } from '../import.ts';
import { pdfText } from '../pdf-text.ts';
import type { ChartProblem } from '../problems.ts';
import { buildAck } from './ack.ts';
import { hl7ToChartContent } from './map.ts';
import { hl7Problem, type Hl7Problem } from './problems.ts';
import { readHl7 } from './read.ts';

export interface Hl7Receipt {
  ackCode: 'AA' | 'AE' | 'AR';
  /** The ACK message, segments ended by CR. */
  ack: string;
  /** MSH-10 of the message answered ('' when it had none). */
  controlId: string;
  /** ADT^A04 … */
  messageType: string;
  result?: ChartImportResult;
  problems: Hl7Problem[];
}

/** A chart import problem as the ACK reports it: its own code, the HL7 field it names, table 0357 code 207. */
function fromChartProblem(p: ChartProblem): Hl7Problem {
  const segmentId = /^([A-Z0-9]{3})-/.exec(p.field ?? '')?.[1];
  return {
    ...p,
    ...(p.field ? { element: p.field } : {}),
    ...(segmentId ? { segmentId } : {}),
    ...(p.line !== undefined ? { segmentNumber: p.line } : {}),
    hl7Error: '207',
  };
}

/** A note that came only as a PDF (MDM OBX ED) gets the PDF's text, for the coder and the suggestions. */
async function withPdfText(content: ChartContent): Promise<ChartContent> {
  const documents = await Promise.all(
    content.documents.map(async (d) =>
      d.text || d.attachment?.contentType !== 'application/pdf'
        ? d
        : { ...d, text: (await pdfText(d.attachment.data)) ?? '' },
    ),
  );
  return { ...content, documents };
}

function summary(result: ChartImportResult): string {
  if (result.duplicate) return 'Imported before: nothing changed';
  return `Imported: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`;
}

export async function receiveHl7(
  db: Executor,
  practiceId: number,
  text: string,
  actor: AuditActor,
  options: { now?: Date; today?: string } = {},
): Promise<Hl7Receipt> {
  const now = options.now ?? new Date();
  const read = readHl7(text);
  const chart = hl7ToChartContent(read);
  const problems = [...chart.problems];
  let result: ChartImportResult | undefined;
  if (chart.content) {
    try {
      result = await importChartContent(db, practiceId, await withPdfText(chart.content), actor, {
        today: options.today ?? now.toISOString().slice(0, 10),
      });
      problems.push(...result.problems.map(fromChartProblem));
    } catch {
      // The database's own words may quote the patient's data: the ACK says only what to do.
      problems.push(
        hl7Problem(
          'HL7_NOT_STORED',
          `The message was not stored (the database refused it: is practice ${practiceId} set up?): send it again`,
        ),
      );
    }
  }
  const ack = buildAck({
    header: read.header,
    delimiters: read.message?.context,
    problems,
    now,
    controlId: randomUUID().replaceAll('-', '').slice(0, 20),
    ...(result?.imported ? { summary: summary(result) } : {}),
  });
  return {
    ackCode: ack.code,
    ack: ack.text,
    controlId: read.header?.controlId ?? '',
    messageType: read.header ? `${read.header.type}^${read.header.event}` : '',
    ...(result ? { result } : {}),
    problems,
  };
}
