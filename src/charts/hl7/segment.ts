// One segment of a read message, with its place (for problems and ACK ERR segments) and its
// fields' values unescaped. Field and component numbers are HL7's, 1-based (PID-3.1).
import type { Hl7Segment } from '@medplum/core';
import type { ProblemLocation } from '../../shared/problem.ts';
import { unescapeHl7, type Delimiters } from './escape.ts';

export class Segment {
  readonly name: string;
  constructor(
    readonly segment: Hl7Segment,
    /** 1-based position in the message; also its line, one segment a line. */
    readonly number: number,
    readonly d: Delimiters,
    /** 1-based occurrence among segments of its name (the ACK's ERR-2 segment sequence). */
    readonly sequence = 1,
  ) {
    this.name = segment.name;
  }

  /** A component's text, unescaped and trimmed; '' when absent. `sub` is 1-based. */
  value(field: number, component = 1, repetition = 0, sub?: number): string {
    const raw = this.segment.getField(field)?.components[repetition]?.[component - 1] ?? '';
    const part = sub === undefined ? raw : (raw.split(this.d.subcomponentSeparator)[sub - 1] ?? '');
    return unescapeHl7(part, this.d).trim();
  }

  /** How many repetitions a field holds (0 when it is empty). */
  repetitions(field: number): number {
    const f = this.segment.getField(field);
    if (!f) return 0;
    return f.components.filter((c) => c.some((v) => v.trim() !== '')).length;
  }

  /** The whole field (all components), unescaped: for text fields (OBX-5 TX) where `^` is data. */
  raw(field: number, repetition = 0): string {
    const comps = this.segment.getField(field)?.components[repetition] ?? [];
    return comps.map((c) => unescapeHl7(c, this.d)).join(this.d.componentSeparator);
  }

  /** Where a field is, for problems: `PID-3.1`, segment and line. */
  at(field: number, component?: number): ProblemLocation & { sequence: number } {
    const element = `${this.name}-${field}${component ? `.${component}` : ''}`;
    return {
      segmentId: this.name,
      segmentNumber: this.number,
      line: this.number,
      element,
      sequence: this.sequence,
    };
  }
}
