import type { ScrubClaim } from '../claim.ts';
import type { ScrubContext } from '../context.ts';
import { finding, lineField, type Finding } from '../finding.ts';

/** The Place of Service is a CMS code, and agrees with the service facility's. */
export function checkPlaceOfService(claim: ScrubClaim, context: ScrubContext): Finding[] {
  if (claim.type !== 'professional') return [];
  const findings: Finding[] = [];
  const places = [
    { field: '/placeOfService', pos: claim.placeOfService, lines: [] as number[] },
    ...claim.lines.map((l, i) => ({
      field: lineField(i, 'placeOfService'),
      pos: l.placeOfService,
      lines: [l.lineNumber],
    })),
  ];
  for (const { field, pos, lines } of places) {
    if (pos === undefined) continue;
    const known = context.codes ? context.codes.placeOfService(pos) : /^\d{2}$/.test(pos);
    if (!known)
      findings.push(
        finding('POS-INVALID', field, `Place of Service ${pos} is not a CMS Place of Service code`, {
          lines,
        }),
      );
  }
  const facilityPos = claim.facility?.placeOfService;
  if (facilityPos && claim.placeOfService && facilityPos !== claim.placeOfService) {
    findings.push(
      finding(
        'POS-FACILITY',
        '/placeOfService',
        `Place of Service ${claim.placeOfService} differs from ${claim.facility?.name ?? 'the facility'}'s ${facilityPos}`,
        { fix: { field: '/placeOfService', value: facilityPos } },
      ),
    );
  }
  return findings;
}
