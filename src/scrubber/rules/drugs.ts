import type { ScrubClaim } from '../claim.ts';
import { finding, lineField, type Finding } from '../finding.ts';

/** CTP05-1 units the TR3 allows for a drug quantity (837P/837I 2410 CTP). */
const UNITS = new Set(['F2', 'GR', 'ME', 'ML', 'UN']);

/**
 * A drug line's loop 2410: the NDC in the 11-digit 5-4-2 form HIPAA requires on claims (no
 * hyphens; 10-digit labels are padded to 11 by the biller), with a quantity and unit (CTP04/05).
 */
export function checkDrugs(claim: ScrubClaim): Finding[] {
  return claim.lines.flatMap((l, i) => {
    if (l.ndc === undefined) return [];
    const at = { lines: [l.lineNumber] };
    const found: Finding[] = [];
    if (!/^\d{11}$/.test(l.ndc))
      found.push(
        finding(
          'NDC-FORMAT',
          lineField(i, 'ndc'),
          `Line ${l.lineNumber}: NDC ${l.ndc || '(empty)'} is not 11 digits in the 5-4-2 form`,
          at,
        ),
      );
    const quantity = Number(l.ndcQuantity);
    if (!l.ndcQuantity || !(quantity > 0) || !UNITS.has(l.ndcUnit ?? ''))
      found.push(
        finding(
          'NDC-QUANTITY',
          lineField(i, 'ndcQuantity'),
          `Line ${l.lineNumber}: NDC ${l.ndc} needs a quantity above zero and a unit (F2, GR, ME, ML or UN)`,
          at,
        ),
      );
    return found;
  });
}
