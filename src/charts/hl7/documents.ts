// Notes: MDM T02 (TXA with OBX TX/FT/ST lines, or an OBX ED with a base64 PDF) and ORU R01
// results (OBR with its OBX values), as the documents the coder reads.
import { isValidNpi } from '../../shared/npi.ts';
import type { ChartDocument } from '../content.ts';
import { resultLine } from './codes.ts';
import { hl7Problem, type Hl7Problem } from './problems.ts';
import type { Segment } from './segment.ts';
import { hl7Timestamp } from './values.ts';

/** TXA-2 document type (HL7 table 0270 and common local ones) → the chart's document kind. */
const KINDS: Record<string, string> = {
  PN: 'progress-note',
  CN: 'progress-note',
  HP: 'progress-note',
  OP: 'operative-report',
  PR: 'operative-report',
  DS: 'discharge-summary',
  LAB: 'lab-result',
};

const TEXT_TYPES = new Set(['TX', 'FT', 'ST', 'NM', 'CE', 'CWE']);

/** OBX-5 ED: source^type^subtype^encoding^data. Only Base64 travels a binary PDF intact. */
function attachmentOf(obx: Segment, problems: Hl7Problem[]): ChartDocument['attachment'] {
  const encoding = obx.value(5, 4).toUpperCase();
  const subtype = obx.value(5, 3).toUpperCase();
  const data = obx.value(5, 5).replace(/\s+/g, '');
  if (encoding !== 'BASE64') {
    problems.push(
      hl7Problem('HL7_VALUE_UNKNOWN', `OBX-5.4 (encoding) "${encoding}" is not Base64`, obx.at(5, 4)),
    );
    return undefined;
  }
  if (!data || !/^[A-Za-z0-9+/]+={0,2}$/.test(data) || data.length % 4 === 1) {
    problems.push(
      hl7Problem('HL7_FIELD_INVALID', 'OBX-5.5 (attachment data) is empty or not base64', obx.at(5, 5)),
    );
    return undefined;
  }
  const contentType =
    subtype === 'PDF' || subtype === ''
      ? 'application/pdf'
      : `${obx.value(5, 2).toLowerCase() === 'tx' ? 'text' : 'application'}/${subtype.toLowerCase()}`;
  return { contentType, data: new Uint8Array(Buffer.from(data, 'base64')) };
}

/** MDM T02: one document from TXA and every OBX after it. */
export function mdmDocumentOf(
  txa: Segment,
  observations: Segment[],
  encounterId: string,
  controlId: string,
  problems: Hl7Problem[],
): ChartDocument | undefined {
  const before = problems.length;
  const lines: string[] = [];
  let attachment: ChartDocument['attachment'];
  for (const obx of observations) {
    const type = obx.value(2).toUpperCase();
    if (type === 'ED') attachment = attachmentOf(obx, problems) ?? attachment;
    else if (TEXT_TYPES.has(type) || type === '')
      for (let r = 0; r < Math.max(1, obx.repetitions(5)); r++) lines.push(obx.raw(5, r));
    else
      problems.push(
        hl7Problem(
          'HL7_VALUE_UNKNOWN',
          `OBX-2 (value type) "${type}" is not a note's text or an ED attachment`,
          obx.at(2),
        ),
      );
  }
  if (problems.length > before) return undefined;
  const typeCode = txa.value(2, 1).toUpperCase();
  const kind = KINDS[typeCode] ?? 'other';
  const title = txa.value(2, 2) || kind.replace('-', ' ').replace(/^./, (c) => c.toUpperCase());
  const authoredAt = hl7Timestamp(txa.value(4)) ?? hl7Timestamp(txa.value(6));
  const authorNpi = [txa.value(5, 1), txa.value(9, 1)].find(isValidNpi);
  const documentNumber = txa.value(12, 1);
  return {
    encounterId,
    kind,
    title,
    text: lines.join('\n'),
    ...(attachment ? { attachment } : {}),
    ...(authoredAt ? { authoredAt } : {}),
    ...(authorNpi ? { authorNpi } : {}),
    where: {
      resource: documentNumber ? `TXA-12/${documentNumber}` : controlId,
      field: 'TXA-12',
      line: txa.number,
    },
  };
}

/** ORU R01: each OBR with its results as one lab-result document (the coder reads values, not codes). */
export function resultDocumentOf(
  obr: Segment,
  observations: Segment[],
  encounterId: string,
  controlId: string,
): ChartDocument {
  const title = obr.value(4, 2) || obr.value(4, 1) || 'Result';
  const authoredAt = hl7Timestamp(obr.value(22)) ?? hl7Timestamp(obr.value(7));
  const orderNumber = obr.value(3, 1) || obr.value(2, 1);
  const authorNpi = isValidNpi(obr.value(16, 1)) ? obr.value(16, 1) : undefined;
  const text = observations.map((obx) => resultLine(obx)).join('\n');
  return {
    encounterId,
    kind: 'lab-result',
    title,
    text,
    ...(authoredAt ? { authoredAt } : {}),
    ...(authorNpi ? { authorNpi } : {}),
    where: {
      resource: orderNumber ? `OBR-3/${orderNumber}` : `${controlId} OBR ${obr.value(1) || obr.number}`,
      field: 'OBR-3',
      line: obr.number,
    },
  };
}
