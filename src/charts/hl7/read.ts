// Reading an HL7 v2 message with @medplum/core's parser (the one @medplum/hl7's MLLP server
// hands us), after the clean-up senders need: a byte-order mark, MLLP framing left in a file,
// CR, CRLF or LF segment endings, blank lines. The delimiters are the message's own (MSH-1/2).
import { Hl7Message } from '@medplum/core';
import type { Delimiters } from './escape.ts';
import { hl7Problem, type Hl7Problem } from './problems.ts';
import { Segment } from './segment.ts';

export interface Hl7Header {
  /** MSH-9.1 and MSH-9.2: ADT and A04. */
  type: string;
  event: string;
  /** MSH-10, the sender's message control id. */
  controlId: string;
  /** MSH-12 version id (2.3 … 2.8). */
  version: string;
  sendingApplication: string;
  sendingFacility: string;
  receivingApplication: string;
  receivingFacility: string;
}

export interface Hl7Read {
  message?: Hl7Message;
  header?: Hl7Header;
  /** Every segment with its 1-based position, MSH first. */
  segments: Segment[];
  problems: Hl7Problem[];
}

const SUPPORTED_VERSION = /^2\.[3-8](\.\d+)?$/;

/** The message text with a BOM, MLLP framing characters and blank lines removed, segments ended by CR. */
export function normalizeHl7(text: string): string {
  return (
    text
      .replace(/^\uFEFF/, '')
      // MLLP start block (VT) and end block (FS) left around a message saved to a file.
      .replaceAll('\u000b', '')
      .replaceAll('\u001c', '')
      .split(/\r\n|\r|\n/)
      .filter((line) => line.trim() !== '')
      .join('\r')
  );
}

/** MSH-1 and MSH-2: a field separator and four (2.7+: five) encoding characters, all different. */
function encodingCharactersValid(text: string): boolean {
  const field = text.charAt(3);
  const end = text.indexOf(field, 4);
  const encoding = text.slice(4, end === -1 ? undefined : end);
  const chars = [field, ...encoding];
  return (
    encoding.length >= 4 &&
    encoding.length <= 5 &&
    new Set(chars).size === chars.length &&
    chars.every((c) => !/[A-Za-z0-9\s]/.test(c))
  );
}

export function readHl7(raw: string): Hl7Read {
  const text = normalizeHl7(raw);
  if (!text.startsWith('MSH') || !encodingCharactersValid(text)) {
    const why = text.startsWith('MSH')
      ? 'MSH-1 and MSH-2 must declare five different delimiter characters (as |^~\\&)'
      : 'the content does not begin with an MSH segment';
    return {
      segments: [],
      problems: [
        hl7Problem('HL7_UNREADABLE', `Not an HL7 v2 message: ${why}`, {
          segmentId: 'MSH',
          element: 'MSH-1',
          line: 1,
        }),
      ],
    };
  }
  const message = Hl7Message.parse(text);
  const d: Delimiters = message.context;
  const seen = new Map<string, number>();
  const segments = message.segments.map((s, i) => {
    seen.set(s.name, (seen.get(s.name) ?? 0) + 1);
    return new Segment(s, i + 1, d, seen.get(s.name));
  });
  const msh = segments[0]!;
  const header: Hl7Header = {
    type: msh.value(9, 1),
    event: msh.value(9, 2),
    controlId: msh.value(10),
    version: msh.value(12),
    sendingApplication: msh.value(3),
    sendingFacility: msh.value(4),
    receivingApplication: msh.value(5),
    receivingFacility: msh.value(6),
  };
  const problems: Hl7Problem[] = [];
  if (!SUPPORTED_VERSION.test(header.version))
    problems.push(
      hl7Problem(
        'HL7_VERSION_UNSUPPORTED',
        header.version
          ? `HL7 version ${header.version} is not read: send 2.3 to 2.8`
          : 'MSH-12 (version) is empty: send 2.3 to 2.8',
        msh.at(12),
      ),
    );
  if (!header.controlId)
    problems.push(hl7Problem('HL7_FIELD_MISSING', 'MSH-10 (message control id) is empty', msh.at(10)));
  return { message, header, segments, problems };
}
