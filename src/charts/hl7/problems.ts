// HL7 v2 import problems: the shared problem type (src/shared/problem.ts), one catalogue, each code
// documented in docs/problems.md (problems.test.ts keeps the two in step). Each code carries the
// HL7 table 0357 error code its ACK's ERR segment reports and whether the message is rejected
// outright (AR: it cannot be processed as sent) or refused for its content (AE).
import type { Problem, ProblemLocation, Severity } from '../../shared/problem.ts';

interface Entry {
  means: string;
  /** HL7 table 0357 message error condition code. */
  hl7: string;
  ack: 'AR' | 'AE' | 'AA';
  severity: Severity;
}

export const HL7_PROBLEMS = {
  HL7_UNREADABLE: {
    means:
      'The content is not an HL7 v2 message: it does not begin with an MSH segment (after any BOM or MLLP framing), or its MSH-1/MSH-2 encoding characters are not five distinct characters.',
    hl7: '100',
    ack: 'AR',
    severity: 'fatal',
  },
  HL7_VERSION_UNSUPPORTED: {
    means: 'MSH-12 names a version other than 2.3 to 2.8.',
    hl7: '203',
    ack: 'AR',
    severity: 'fatal',
  },
  HL7_MESSAGE_UNSUPPORTED: {
    means:
      'MSH-9 names a message cleanclaim does not read: only ADT A01/A04/A08, DFT P03, MDM T02 and ORU R01.',
    hl7: '200',
    ack: 'AR',
    severity: 'fatal',
  },
  HL7_SEGMENT_MISSING: {
    means:
      'A segment the message needs is missing (a PID, a PV1, the FT1 of a DFT, the TXA or OBX of an MDM): often a message cut short.',
    hl7: '100',
    ack: 'AE',
    severity: 'error',
  },
  HL7_FIELD_MISSING: {
    means:
      'A field the import needs is empty (the MRN in PID-3, the visit number in PV1-19, the code in FT1-25); the problem names the segment and field.',
    hl7: '101',
    ack: 'AE',
    severity: 'error',
  },
  HL7_FIELD_INVALID: {
    means:
      'A field holds a value of the wrong kind (a date that is not YYYYMMDD, a quantity that is not a whole number, base64 that does not decode).',
    hl7: '102',
    ack: 'AE',
    severity: 'error',
  },
  HL7_VALUE_UNKNOWN: {
    means:
      'A coded field holds a value cleanclaim does not know (an ED attachment that is not Base64, an OBX value type other than TX, FT, ST, NM or ED); the problem names it.',
    hl7: '103',
    ack: 'AE',
    severity: 'error',
  },
  HL7_IMPORT_REFUSED: {
    means:
      'The message read well but the chart import refused it (a reference that points nowhere, a record that conflicts); nothing was written, and the problem says why.',
    hl7: '207',
    ack: 'AE',
    severity: 'error',
  },
  HL7_NOT_STORED: {
    means:
      'cleanclaim could not store the message (the database did not answer, or failed); nothing was written: send it again.',
    hl7: '207',
    ack: 'AE',
    severity: 'error',
  },
  HL7_FIELD_IGNORED: {
    means:
      'A value was left out of the import (an IN1 without a member id, a provider without a valid NPI); the rest of the message was imported.',
    hl7: '207',
    ack: 'AA',
    severity: 'warning',
  },
} as const satisfies Record<string, Entry>;

export type Hl7ProblemCode = keyof typeof HL7_PROBLEMS;

export interface Hl7Problem extends Problem<Hl7ProblemCode | string> {
  /** HL7 table 0357 code for the ACK's ERR segment. */
  hl7Error: string;
  /** 1-based occurrence of the segment among those of its name (ERR-2.2). */
  sequence?: number;
}

export function hl7Problem(
  code: Hl7ProblemCode,
  message: string,
  where: ProblemLocation & { sequence?: number } = {},
): Hl7Problem {
  const entry = HL7_PROBLEMS[code];
  return { code, severity: entry.severity, ...where, message, hl7Error: entry.hl7 };
}

/** The acknowledgment code a set of problems earns: any rejection AR, else any error AE, else AA. */
export function ackCodeFor(problems: readonly Hl7Problem[]): 'AA' | 'AE' | 'AR' {
  const acks = problems.map((p) =>
    p.code in HL7_PROBLEMS
      ? HL7_PROBLEMS[p.code as Hl7ProblemCode].ack
      : p.severity === 'error' || p.severity === 'fatal'
        ? 'AE'
        : 'AA',
  );
  return acks.includes('AR') ? 'AR' : acks.includes('AE') ? 'AE' : 'AA';
}
