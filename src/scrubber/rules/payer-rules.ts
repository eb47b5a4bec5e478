import type { ScrubClaim } from '../claim.ts';
import type { PayerRule, ScrubContext } from '../context.ts';
import { finding, lineField, type Finding } from '../finding.ts';

/** Evaluates the payer requirements declared as data for the claim's payer. */
export function checkPayerRules(claim: ScrubClaim, context: ScrubContext): Finding[] {
  const rules = (context.payerRules ?? []).filter((r) => r.payerId === claim.payer.payerId);
  return rules.flatMap((rule) => evaluate(rule, claim));
}

function evaluate(rule: PayerRule, claim: ScrubClaim): Finding[] {
  const note = rule.note ? ` (${rule.note})` : '';
  const payer = claim.payer.name ?? claim.payer.payerId;
  switch (rule.kind) {
    case 'prior-auth-required': {
      if (claim.priorAuthorization) return [];
      const lines = claim.lines.filter((l) => rule.procedureCodes.includes(l.procedureCode));
      return lines.map((l) =>
        finding(
          'PAYER-RULE',
          '/priorAuthorization',
          `${payer} requires a prior authorization number for ${l.procedureCode} (line ${l.lineNumber})${note}`,
          {
            lines: [l.lineNumber],
            fixHint: 'Enter the prior authorization number (REF*G1) on the encounter.',
          },
        ),
      );
    }
    case 'rendering-taxonomy-required':
      return claim.renderingProvider?.taxonomy
        ? []
        : [
            finding(
              'PAYER-RULE',
              '/renderingProvider/taxonomy',
              `${payer} requires the rendering provider's taxonomy (2310B PRV)${note}`,
              { fixHint: "Add the taxonomy code on the provider's record." },
            ),
          ];
    case 'ndc-required': {
      // No codes listed: every HCPCS J code (drugs administered other than orally).
      const wants = (code: string) =>
        rule.procedureCodes.length ? rule.procedureCodes.includes(code) : /^J\d{4}$/.test(code);
      return claim.lines.flatMap((l, i) =>
        wants(l.procedureCode) && !l.ndc
          ? [
              finding(
                'PAYER-RULE',
                lineField(i, 'ndc'),
                `${payer} requires the NDC of drug code ${l.procedureCode} (line ${l.lineNumber})${note}`,
                {
                  lines: [l.lineNumber],
                  fixHint:
                    "Enter the drug's 11-digit NDC, quantity and unit on the encounter's line (loop 2410).",
                },
              ),
            ]
          : [],
      );
    }
    case 'clia-required': {
      if (claim.cliaNumber) return [];
      const index = claim.lines.findIndex((l) => rule.procedureCodes.includes(l.procedureCode));
      if (index < 0) return [];
      const line = claim.lines[index]!;
      return [
        finding(
          'PAYER-RULE',
          lineField(index, 'procedureCode'),
          `${payer} requires a CLIA number for lab code ${line.procedureCode}${note}`,
          {
            lines: [line.lineNumber],
            fixHint: 'Enter the CLIA certificate number (REF*X4) in the practice settings.',
          },
        ),
      ];
    }
  }
}
