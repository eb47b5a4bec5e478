/**
 * NCCI PTP-associated modifiers: the modifiers that may bypass a PTP edit with modifier indicator
 * 1 when the clinical circumstances justify them. Source: NCCI Policy Manual for Medicare
 * Services, Chapter I (General Correct Coding Policies), section E "Modifiers and Modifier
 * Indicators": anatomic E1-E4, FA, F1-F9, TA, T1-T9, LT, RT, LC, LD, RC, LM, RI; global surgery
 * 24, 25, 57, 58, 78, 79; other 27, 59, 91, XE, XS, XP, XU. The same chapter limits where some
 * apply, which `bypassModifier` follows: 24, 25 and 57 describe an E/M service, 27 is for
 * multiple outpatient hospital E/M encounters (OPPS only), 91 repeats a clinical lab test, and
 * anatomic modifiers show different sites, so the same one on both lines does not.
 */
import type { ClaimType, ServiceLine } from './serviceLine.ts';

export const DISTINCT_SERVICE_MODIFIERS = ['59', 'XE', 'XS', 'XP', 'XU'] as const;
export const ANATOMIC_MODIFIERS = [
  'E1',
  'E2',
  'E3',
  'E4',
  'FA',
  'F1',
  'F2',
  'F3',
  'F4',
  'F5',
  'F6',
  'F7',
  'F8',
  'F9',
  'TA',
  'T1',
  'T2',
  'T3',
  'T4',
  'T5',
  'T6',
  'T7',
  'T8',
  'T9',
  'LT',
  'RT',
  'LC',
  'LD',
  'RC',
  'LM',
  'RI',
] as const;
export const GLOBAL_SURGERY_MODIFIERS = ['24', '25', '57', '58', '78', '79'] as const;
export const OTHER_PTP_MODIFIERS = ['27', '91'] as const;

const ANATOMIC = new Set<string>(ANATOMIC_MODIFIERS);
const ANYWHERE = new Set<string>([...DISTINCT_SERVICE_MODIFIERS, '58', '78', '79']);
const EM_ONLY = new Set<string>(['24', '25', '57']);

/** Evaluation and management visit codes (CPT 99202-99499), where 24/25/57/27 belong. */
export function isEvaluationAndManagement(code: string): boolean {
  return /^99[2-4]\d\d$/.test(code) && code >= '99202';
}

/** Clinical laboratory codes (CPT 80047-89398 and PLA codes ending in U), where 91 belongs. */
export function isClinicalLab(code: string): boolean {
  return /^8\d{4}$/.test(code) || /^\d{4}U$/.test(code);
}

function allowsOnLine(modifier: string, line: ServiceLine, claimType: ClaimType): boolean {
  if (ANYWHERE.has(modifier)) return true;
  if (EM_ONLY.has(modifier)) return isEvaluationAndManagement(line.procedureCode);
  if (modifier === '27') return claimType === 'outpatient' && isEvaluationAndManagement(line.procedureCode);
  if (modifier === '91') return isClinicalLab(line.procedureCode);
  return false;
}

/**
 * Pure: the NCCI-associated modifier on either line that bypasses an indicator-1 edit between
 * them, or undefined. The modifier is accepted on either line, as Medicare systems do.
 */
export function bypassModifier(a: ServiceLine, b: ServiceLine, claimType: ClaimType): string | undefined {
  for (const [line, other] of [
    [a, b],
    [b, a],
  ] as const) {
    for (const raw of line.modifiers) {
      const m = raw.trim().toUpperCase();
      if (allowsOnLine(m, line, claimType)) return m;
      // An anatomic modifier bypasses only if the other line is not on the same site.
      if (ANATOMIC.has(m) && !other.modifiers.some((o) => o.trim().toUpperCase() === m)) return m;
    }
  }
  return undefined;
}
