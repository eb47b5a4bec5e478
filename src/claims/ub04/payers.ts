import type { ProfessionalClaim } from '../../x12/transactions/837-types.ts';

// FL50–64 print one row per payer in order of responsibility, A primary, B secondary, C tertiary
// (NUBC UB-04 manual, FL50): on a secondary claim the primary (loop 2320, with its payment in FL54
// prior payments) is row A and the destination payer row B.
const ORDER = 'PSTABCDEFGHU';
const upper = (s: string | undefined) => (s ?? '').toUpperCase().replace(/\s+/g, ' ').trim();
const dollars = (cents: number) => (cents / 100).toFixed(2);

interface PayerRow {
  responsibility: string;
  values: Record<string, string | undefined>;
}

export function payerRowFields(model: ProfessionalClaim): Record<string, string> {
  const c = model.claim;
  const sub = model.subscriber;
  const destination: PayerRow = {
    responsibility: sub.payerResponsibility,
    values: {
      FL50: upper(model.payer.lastOrOrganizationName),
      FL51: model.payer.id,
      FL52: c.releaseOfInformation === 'Y' ? 'Y' : 'I',
      FL53: c.benefitsAssigned,
      FL58: upper([sub.lastOrOrganizationName, sub.firstName].filter(Boolean).join(', ')),
      // FL59 patient's relationship to the insured: 18 self, otherwise the 2000C PAT01 code.
      FL59: model.patient?.relationship ?? '18',
      FL60: sub.id,
      FL61: upper(sub.groupName),
      FL62: sub.groupNumber,
      FL63: c.priorAuthorization,
      FL64: c.payerClaimControlNumber,
    },
  };
  const others: PayerRow[] = c.otherPayers.map((o) => ({
    responsibility: o.payerResponsibility,
    values: {
      FL50: upper(o.payer.lastOrOrganizationName),
      FL51: o.payer.id,
      FL52: o.releaseOfInformation === 'Y' ? 'Y' : 'I',
      FL53: o.benefitsAssigned,
      FL54: o.paidCents === undefined ? undefined : dollars(o.paidCents),
      FL58: upper([o.subscriber.lastOrOrganizationName, o.subscriber.firstName].filter(Boolean).join(', ')),
      FL59: o.relationship,
      FL60: o.subscriber.id,
      FL61: upper(o.groupName),
      FL62: o.groupNumber,
    },
  }));
  const rank = (r: PayerRow) => {
    const i = ORDER.indexOf(r.responsibility);
    return i < 0 ? ORDER.length : i;
  };
  const rows = [destination, ...others].sort((a, b) => rank(a) - rank(b)).slice(0, 3);
  const v: Record<string, string> = {};
  rows.forEach((row, i) => {
    for (const [fl, value] of Object.entries(row.values)) if (value) v[`${fl}${'ABC'[i]}`] = value;
  });
  return v;
}
