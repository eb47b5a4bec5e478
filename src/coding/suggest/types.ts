/** What the suggester proposes: a code, the words in the note that support it, and why. */
export interface Evidence {
  /** offsets into the note text, end exclusive (for highlighting) */
  start: number;
  end: number;
  text: string;
  /** the chart document the offsets are in, when suggesting for an encounter's notes */
  documentId?: number;
}

export interface Suggestion {
  system: 'ICD-10-CM' | 'CPT';
  code: string;
  title: string;
  evidence: Evidence[];
  reason: string;
  /** 0..1: how sure the match is (a coder still accepts or rejects every suggestion) */
  confidence: number;
}

/** A condition the note mentions but that must not become a code as written, and why. */
export interface SetAside {
  code: string;
  title: string;
  evidence: Evidence[];
  why: 'negated' | 'uncertain' | 'not in the assessment' | 'a more specific code is documented';
}
