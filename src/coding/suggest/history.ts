/**
 * Pure: a condition the note places in the patient's past or family, as the Z code that says so
 * (ICD-10-CM Official Guidelines I.C.21.c.4, history codes: Z80-Z84 family, Z85-Z87 personal).
 * Rules are data, longest code prefix first; a condition with no rule gets no history code. The
 * code each rule names is checked against the release (a header is resolved to its default child
 * by the caller).
 */
export interface HistoryRule {
  prefix: string;
  code: string;
}

/** Personal history: cancer by site (Z85), other diseases (Z86, Z87), old MI (I25.2). */
export const PERSONAL_HISTORY: readonly HistoryRule[] = [
  { prefix: 'C18', code: 'Z85038' },
  { prefix: 'C19', code: 'Z85048' },
  { prefix: 'C20', code: 'Z85048' },
  { prefix: 'C34', code: 'Z85118' },
  { prefix: 'C43', code: 'Z85820' },
  { prefix: 'C44', code: 'Z85828' },
  { prefix: 'C50', code: 'Z853' },
  { prefix: 'C53', code: 'Z8541' },
  { prefix: 'C54', code: 'Z8542' },
  { prefix: 'C56', code: 'Z8543' },
  { prefix: 'C61', code: 'Z8546' },
  { prefix: 'C64', code: 'Z85528' },
  { prefix: 'C67', code: 'Z8551' },
  { prefix: 'C73', code: 'Z85850' },
  { prefix: 'C9', code: 'Z856' },
  { prefix: 'C', code: 'Z859' },
  { prefix: 'D12', code: 'Z860100' },
  { prefix: 'K635', code: 'Z860100' },
  { prefix: 'I21', code: 'I252' },
  { prefix: 'I22', code: 'I252' },
  { prefix: 'I63', code: 'Z8673' },
  { prefix: 'G45', code: 'Z8673' },
  { prefix: 'I26', code: 'Z86711' },
  { prefix: 'I82', code: 'Z86718' },
  { prefix: 'J18', code: 'Z8701' },
  { prefix: 'J1', code: 'Z8701' },
  { prefix: 'N20', code: 'Z87442' },
  { prefix: 'N39', code: 'Z87440' },
  { prefix: 'K25', code: 'Z8711' },
  { prefix: 'K26', code: 'Z8711' },
  { prefix: 'F17', code: 'Z87891' },
  { prefix: 'F10', code: 'F1021' },
  { prefix: 'O', code: 'Z8759' },
  { prefix: 'S', code: 'Z87828' },
  { prefix: 'A', code: 'Z8619' },
  { prefix: 'B', code: 'Z8619' },
  { prefix: 'E', code: 'Z8639' },
  { prefix: 'F', code: 'Z8659' },
  { prefix: 'G', code: 'Z8669' },
  { prefix: 'I', code: 'Z8679' },
  { prefix: 'J', code: 'Z8709' },
  { prefix: 'K', code: 'Z8719' },
  { prefix: 'L', code: 'Z872' },
  { prefix: 'M', code: 'Z8739' },
  { prefix: 'N', code: 'Z87448' },
];

/** Family history (Z80-Z84). */
export const FAMILY_HISTORY: readonly HistoryRule[] = [
  { prefix: 'C15', code: 'Z800' },
  { prefix: 'C16', code: 'Z800' },
  { prefix: 'C18', code: 'Z800' },
  { prefix: 'C19', code: 'Z800' },
  { prefix: 'C20', code: 'Z800' },
  { prefix: 'C25', code: 'Z800' },
  { prefix: 'C34', code: 'Z801' },
  { prefix: 'C43', code: 'Z808' },
  { prefix: 'C50', code: 'Z803' },
  { prefix: 'C56', code: 'Z8041' },
  { prefix: 'C61', code: 'Z8042' },
  { prefix: 'C64', code: 'Z8051' },
  { prefix: 'C67', code: 'Z8052' },
  { prefix: 'C91', code: 'Z806' },
  { prefix: 'C92', code: 'Z806' },
  { prefix: 'C', code: 'Z809' },
  { prefix: 'D12', code: 'Z8371' },
  { prefix: 'K635', code: 'Z8371' },
  { prefix: 'I63', code: 'Z823' },
  { prefix: 'I6', code: 'Z823' },
  { prefix: 'I', code: 'Z8249' },
  { prefix: 'E10', code: 'Z833' },
  { prefix: 'E11', code: 'Z833' },
  { prefix: 'E78', code: 'Z83438' },
  { prefix: 'E', code: 'Z8349' },
  { prefix: 'J45', code: 'Z825' },
  { prefix: 'J', code: 'Z836' },
  { prefix: 'F10', code: 'Z811' },
  { prefix: 'F03', code: 'Z818' },
  { prefix: 'G30', code: 'Z820' },
  { prefix: 'F', code: 'Z818' },
  { prefix: 'G', code: 'Z820' },
  { prefix: 'M81', code: 'Z8262' },
  { prefix: 'N18', code: 'Z841' },
  { prefix: 'K', code: 'Z8379' },
];

/** Pure: the history code for a condition code, or undefined. */
export function historyCode(code: string, kind: 'history' | 'family'): string | undefined {
  const rules = kind === 'family' ? FAMILY_HISTORY : PERSONAL_HISTORY;
  let best: HistoryRule | undefined;
  for (const r of rules)
    if (code.startsWith(r.prefix) && (!best || r.prefix.length > best.prefix.length)) best = r;
  return best?.code;
}

/**
 * Chronic conditions that "history of" in an office note usually means are still treated
 * (hypertension, diabetes, asthma...): these stay current diagnoses, at lower confidence, rather
 * than becoming Z86/Z87 codes the payer would read as resolved.
 */
export const CHRONIC_PREFIXES: readonly string[] = [
  'I10',
  'I11',
  'I12',
  'I13',
  'I25',
  'I48',
  'I50',
  'E03',
  'E10',
  'E11',
  'E66',
  'E78',
  'J44',
  'J45',
  'K21',
  'N18',
  'F32',
  'F33',
  'F41',
  'G47',
  'M17',
  'M19',
];

export function isChronic(code: string): boolean {
  return CHRONIC_PREFIXES.some((p) => code.startsWith(p));
}
