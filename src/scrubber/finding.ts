import type { Problem } from '../shared/problem.ts';
import type { RuleId } from './catalog.ts';
import { RULES } from './catalog.ts';

/**
 * What a rule found: the shared problem type (issue 11) with the rule id as its code, where (a
 * JSON pointer into the claim, and the service lines) and why, plus the hint and the certain fix.
 */
export interface Finding extends Problem<RuleId> {
  severity: 'error' | 'warning';
  /** A JSON pointer into the ScrubClaim, e.g. /lines/1/modifiers or /billingProvider/npi. */
  field: string;
  /** Service line numbers (LX01) the finding is about. */
  lines: number[];
  message: string;
  fixHint: string;
  /** A fix cleanclaim can apply in one click because it is certain. */
  fix?: { field: string; value: unknown };
}

/** Builds a finding with the rule's catalogued severity and hint. */
export function finding(
  code: RuleId,
  field: string,
  message: string,
  extra: Partial<Pick<Finding, 'lines' | 'fix' | 'fixHint'>> = {},
): Finding {
  const rule = RULES[code];
  return {
    code,
    severity: rule.severity,
    field,
    lines: extra.lines ?? [],
    message,
    fixHint: extra.fixHint ?? rule.fixHint,
    ...(extra.fix ? { fix: extra.fix } : {}),
  };
}

/** The field pointer of a service line: lines are numbered from 1, the array from 0. */
export const lineField = (index: number, field: string) => `/lines/${index}/${field}`;
