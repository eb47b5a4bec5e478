import type { ProblemList, X12Problem } from '../problems.ts';
import type { Segment } from './types.ts';

export interface TransactionSet {
  st: Segment;
  se: Segment | null;
  /** ST01 / ST02 / ST03. */
  setId: string;
  controlNumber: string;
  implementationRef: string;
  /** Segments between ST and SE (kept only when collecting). */
  body: Segment[];
  /** Segments counted from ST through SE. */
  segmentCount: number;
}

export interface FunctionalGroup {
  gs: Segment | null;
  ge: Segment | null;
  transactions: TransactionSet[];
}

export interface Interchange {
  isa: Segment | null;
  iea: Segment | null;
  groups: FunctionalGroup[];
  /** TA1 interchange acknowledgments carried directly in this interchange. */
  ta1: Segment[];
}

/** Callbacks for a streaming envelope read; every one is optional. */
export interface EnvelopeHandler {
  startTransaction?(tx: TransactionSet, group: FunctionalGroup, interchange: Interchange): void;
  segment?(s: Segment, tx: TransactionSet): void;
  endTransaction?(tx: TransactionSet, group: FunctionalGroup, interchange: Interchange): void;
}

/** A–Z or 0–9 (the characters of a segment id). */
const isIdChar = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

const num = (v: string | undefined): number => (/^\s*\d+\s*$/.test(v ?? '') ? Number(v) : NaN);

/**
 * Reads the ISA/GS/ST envelope segment by segment and checks trailers: IEA/GE/SE control numbers
 * against their headers and the counts they carry (X12.5 / X12.6). Never throws; problems are values.
 */
export class EnvelopeReader {
  readonly interchanges: Interchange[] = [];
  private ic: Interchange | null = null;
  private group: FunctionalGroup | null = null;
  private tx: TransactionSet | null = null;
  /** Counts for IEA01/GE01, kept apart from the lists (which stay empty when streaming). */
  private groupCount = 0;
  private txCount = 0;

  constructor(
    private readonly problems: ProblemList,
    private readonly handler: EnvelopeHandler = {},
    private readonly collect = true,
  ) {}

  push(s: Segment): void {
    // Envelope ids start with I, G, S or T; most body segments skip the switch after a character test
    // on the text (so their id is not cut out). An S segment is SE or ST only if its second letter is
    // E or T and no third letter follows (SBR, SV1 go straight to the body). Separators are never
    // letters or digits, and the text starts with the id.
    const t = s.raw ?? s.id;
    const c = t.charCodeAt(0);
    if (c === 83) {
      const c1 = t.charCodeAt(1);
      if ((c1 === 69 || c1 === 84) && !isIdChar(t.charCodeAt(2))) this.control(s);
      else this.body(s);
    } else if (c === 73 || c === 71 || c === 84) this.control(s);
    else this.body(s);
  }

  private control(s: Segment): void {
    switch (s.id) {
      case 'ISA':
        return this.isa(s);
      case 'IEA':
        return this.iea(s);
      case 'GS':
        return this.gs(s);
      case 'GE':
        return this.ge(s);
      case 'ST':
        return this.st(s);
      case 'SE':
        return this.se(s);
      case 'TA1':
        if (this.ic && !this.group) {
          this.ic.ta1.push(s);
          return;
        }
    }
    this.body(s);
  }

  private body(s: Segment): void {
    if (this.tx) {
      this.tx.segmentCount++;
      if (this.collect) this.tx.body.push(s);
      this.handler.segment?.(s, this.tx);
      return;
    }
    this.add('X12_OUTSIDE_ENVELOPE', s, `${s.id} appears outside a transaction set (between ST and SE).`);
  }

  end(): void {
    this.closeTx(null);
    this.closeGroup(null);
    if (this.ic?.isa)
      this.add('X12_IEA_MISSING', this.ic.isa, `Interchange ${this.ic.isa.el[13] ?? ''} has no IEA.`);
    this.ic = null;
  }

  private add(
    code: Parameters<ProblemList['add']>[0],
    s: Segment,
    message: string,
    extra: Partial<X12Problem> = {},
  ): void {
    this.problems.add(code, message, { segmentNumber: s.n, line: s.line, segmentId: s.id, ...extra });
  }

  private isa(s: Segment): void {
    this.end();
    this.ic = { isa: s, iea: null, groups: [], ta1: [] };
    this.groupCount = 0;
    // Streaming mode keeps nothing behind it: retained segments would pin their whole input chunk.
    if (this.collect) this.interchanges.push(this.ic);
  }

  private ensureInterchange(): Interchange {
    if (!this.ic) {
      this.ic = { isa: null, iea: null, groups: [], ta1: [] };
      if (this.collect) this.interchanges.push(this.ic);
    }
    return this.ic;
  }

  private iea(s: Segment): void {
    this.closeTx(null);
    this.closeGroup(null);
    const ic = this.ic;
    if (!ic?.isa) return this.add('X12_OUTSIDE_ENVELOPE', s, 'IEA without an ISA.');
    ic.iea = s;
    if ((s.el[2] ?? '').trim() !== (ic.isa.el[13] ?? '').trim() && num(s.el[2]) !== num(ic.isa.el[13])) {
      this.add(
        'X12_ISA_IEA_MISMATCH',
        s,
        `IEA02 ${s.el[2] ?? ''} does not match ISA13 ${ic.isa.el[13] ?? ''}.`,
        { element: 'IEA02' },
      );
    }
    if (num(s.el[1]) !== this.groupCount) {
      this.add(
        'X12_IEA_COUNT',
        s,
        `IEA01 says ${s.el[1] ?? ''} groups; the interchange has ${this.groupCount}.`,
        { element: 'IEA01' },
      );
    }
    this.ic = null;
  }

  private gs(s: Segment): void {
    this.closeTx(null);
    this.closeGroup(null);
    this.group = { gs: s, ge: null, transactions: [] };
    this.groupCount++;
    this.txCount = 0;
    if (this.collect) this.ensureInterchange().groups.push(this.group);
  }

  private ge(s: Segment): void {
    this.closeTx(null);
    const g = this.group;
    if (!g?.gs) return this.add('X12_OUTSIDE_ENVELOPE', s, 'GE without a GS.');
    g.ge = s;
    if (num(s.el[2]) !== num(g.gs.el[6]) || Number.isNaN(num(s.el[2]))) {
      this.add('X12_GS_GE_MISMATCH', s, `GE02 ${s.el[2] ?? ''} does not match GS06 ${g.gs.el[6] ?? ''}.`, {
        element: 'GE02',
      });
    }
    if (num(s.el[1]) !== this.txCount) {
      this.add(
        'X12_GE_COUNT',
        s,
        `GE01 says ${s.el[1] ?? ''} transaction sets; the group has ${this.txCount}.`,
        {
          element: 'GE01',
        },
      );
    }
    this.group = null;
  }

  private st(s: Segment): void {
    this.closeTx(null);
    if (!this.group) {
      if (this.ic?.isa) this.add('X12_OUTSIDE_ENVELOPE', s, 'ST without a GS functional group header.');
      this.group = { gs: null, ge: null, transactions: [] };
      this.txCount = 0;
      if (this.collect) this.ensureInterchange().groups.push(this.group);
    }
    this.tx = {
      st: s,
      se: null,
      setId: s.el[1] ?? '',
      controlNumber: s.el[2] ?? '',
      implementationRef: s.el[3] ?? '',
      body: [],
      segmentCount: 1,
    };
    if (this.collect) this.group.transactions.push(this.tx);
    this.txCount++;
    this.handler.startTransaction?.(this.tx, this.group, this.ensureInterchange());
  }

  private se(s: Segment): void {
    if (!this.tx) return this.add('X12_OUTSIDE_ENVELOPE', s, 'SE without an ST.');
    this.closeTx(s);
  }

  private closeTx(se: Segment | null): void {
    const tx = this.tx;
    if (!tx) return;
    this.tx = null;
    const where = { transaction: tx.controlNumber };
    if (!se) {
      this.add('X12_SE_MISSING', tx.st, `Transaction set ${tx.controlNumber} has no SE.`, where);
    } else {
      tx.se = se;
      tx.segmentCount++;
      if ((se.el[2] ?? '') !== tx.controlNumber) {
        this.add(
          'X12_ST_SE_MISMATCH',
          se,
          `SE02 ${se.el[2] ?? ''} does not match ST02 ${tx.controlNumber}.`,
          {
            ...where,
            element: 'SE02',
            positionInSet: tx.segmentCount,
          },
        );
      }
      if (num(se.el[1]) !== tx.segmentCount) {
        this.add(
          'X12_SE_COUNT',
          se,
          `SE01 says ${se.el[1] ?? ''} segments; ST through SE has ${tx.segmentCount}.`,
          {
            ...where,
            element: 'SE01',
            positionInSet: tx.segmentCount,
          },
        );
      }
    }
    this.handler.endTransaction?.(tx, this.group as FunctionalGroup, this.ensureInterchange());
  }

  private closeGroup(_ge: null): void {
    const g = this.group;
    if (!g) return;
    this.group = null;
    if (g.gs) this.add('X12_GE_MISSING', g.gs, `Functional group ${g.gs.el[6] ?? ''} has no GE.`);
  }
}
