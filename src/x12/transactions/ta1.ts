import { fromX12Date } from '../engine/dates.ts';
import { parseX12, type X12Document } from '../engine/parse.ts';
import { element as el } from '../engine/values.ts';
import type { X12Problem } from '../problems.ts';

/** TA1: the receiver's verdict on a whole interchange (ISA/IEA). */
export interface InterchangeAck {
  /** TA101: the ISA13 being acknowledged. */
  controlNumber: string;
  date: string;
  time: string;
  /** TA104: A accepted, E accepted with errors, R rejected. */
  ackCode: string;
  /** TA105: 000 no error, 001 control numbers do not match, … */
  noteCode: string;
  accepted: boolean;
  /** Segment number in the file. */
  segmentNumber: number;
}

export interface ParseTA1Result {
  acknowledgments: InterchangeAck[];
  problems: X12Problem[];
}

/** Reads TA1 segments (they sit directly inside an ISA/IEA, outside any group). */
export function parseTA1(input: string | Uint8Array | X12Document): ParseTA1Result {
  const doc = typeof input === 'string' || input instanceof Uint8Array ? parseX12(input) : input;
  const acknowledgments = doc.interchanges.flatMap((ic) =>
    ic.ta1.map((s) => ({
      controlNumber: el(s, 1),
      // TA102 is YYMMDD; TR3 interchange dates are 20xx.
      date: /^\d{6}$/.test(el(s, 2)) ? fromX12Date(`20${el(s, 2)}`) : el(s, 2),
      time: el(s, 3),
      ackCode: el(s, 4),
      noteCode: el(s, 5),
      accepted: el(s, 4) === 'A' || el(s, 4) === 'E',
      segmentNumber: s.n,
    })),
  );
  return { acknowledgments, problems: doc.problems };
}
