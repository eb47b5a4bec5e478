import { addDays } from '../../shared/dates.ts';
import type { ScrubClaim } from '../claim.ts';
import type { ScrubContext } from '../context.ts';
import { finding, lineField, type Finding } from '../finding.ts';
import { isEvaluationAndManagement, isSurgicalProcedure } from '../modifiers.ts';

/** An E/M visit billed with a procedure on the same day needs modifier 25 on the visit. */
export function checkVisitWithProcedure(claim: ScrubClaim): Finding[] {
  const findings: Finding[] = [];
  claim.lines.forEach((line, i) => {
    if (
      !isEvaluationAndManagement(line.procedureCode) ||
      line.modifiers.includes('25') ||
      line.modifiers.includes('57')
    )
      return;
    const procedure = claim.lines.find(
      (l) => l.serviceDate === line.serviceDate && isSurgicalProcedure(l.procedureCode),
    );
    if (!procedure) return;
    const field = lineField(i, 'modifiers');
    findings.push(
      finding(
        'EM-MODIFIER-25',
        field,
        `Line ${line.lineNumber}: visit ${line.procedureCode} is billed with procedure ${procedure.procedureCode} (line ${procedure.lineNumber}) on ${line.serviceDate} without modifier 25`,
        {
          lines: [line.lineNumber, procedure.lineNumber],
        },
      ),
    );
  });
  return findings;
}

const GLOBAL_BYPASS = ['24', '25', '57', '78', '79'];

/** A service inside an earlier procedure's global period (10 or 90 days, from the MPFS) gets a warning. */
export function checkGlobalPeriod(claim: ScrubClaim, context: ScrubContext): Finding[] {
  const days = context.globalDays;
  // Global surgery is a physician fee schedule policy: facility claims are not subject to it.
  if (!days || !context.priorProcedures?.length || claim.type !== 'professional') return [];
  const findings: Finding[] = [];
  claim.lines.forEach((line, i) => {
    if (line.modifiers.some((m) => GLOBAL_BYPASS.includes(m))) return;
    for (const prior of context.priorProcedures!) {
      const global = days.get(prior.procedureCode);
      if (!global || prior.serviceDate >= line.serviceDate) continue;
      const ends = addDays(prior.serviceDate, global);
      if (line.serviceDate <= ends) {
        findings.push(
          finding(
            'GLOBAL-PERIOD',
            lineField(i, 'modifiers'),
            `Line ${line.lineNumber}: ${line.procedureCode} on ${line.serviceDate} falls in the ${global}-day global period of ${prior.procedureCode} done ${prior.serviceDate} (ends ${ends})`,
            {
              lines: [line.lineNumber],
            },
          ),
        );
        break;
      }
    }
  });
  return findings;
}
