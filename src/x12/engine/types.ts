/** Separators read from the ISA header (X12.5 section 3.1; the ISA is fixed-format). */
export interface Delimiters {
  element: string;
  component: string;
  /** ISA11 from version 00501 on; null when the interchange has none (4010 'U'). */
  repetition: string | null;
  segment: string;
}

export const DEFAULT_DELIMITERS: Delimiters = { element: '*', component: ':', repetition: '^', segment: '~' };

/**
 * One segment as read. `el[n]` is element n as written (`el[0]` is the segment id, so `CLM01` is `el[1]`);
 * composites and repetitions stay unsplit until asked for (see `component`).
 */
export interface Segment {
  id: string;
  el: string[];
  /** 1-based position of the segment in the input. */
  n: number;
  /** 1-based line where the segment starts (counts line feeds). */
  line: number;
  /** The segment text as read, without its terminator (set by the tokenizer; absent on built segments). */
  readonly raw?: string;
}
