// A claim's 837 model read into the 276 that asks about it (005010X212): one transaction set per
// payer and member, each claim a 2200D (2200E for a dependent) with its trace, numbers, charge and
// service dates, and its lines (SVC, REF*FJ, DTP*472). Pure.
import type {
  ClaimInquiry,
  ClaimStatusRequest,
  DatePeriod,
  Member,
  Party,
  ProfessionalClaim,
  StatusLine,
} from '../../x12/index.ts';

export interface InquiryToWrite {
  claimId: number;
  /** TRN02: the 277 echoes it. */
  traceNumber: string;
  /** The payer's claim number from its 277CA, if it gave one (REF*1K). */
  payerClaimNumber: string | null;
  /** The type of bill of an institutional claim (REF*BLT). */
  billType: string | null;
  model: ProfessionalClaim;
}

/** 1000A of the 837: who asks (NM1*41 of 2100B), as the clearinghouse knows the practice. */
export interface Asker {
  name: string;
  id: string;
}

const period = (dates: string[]): DatePeriod | undefined => {
  const sorted = dates.filter(Boolean).sort();
  const from = sorted[0];
  const to = sorted.at(-1);
  if (!from) return undefined;
  return to && to !== from ? { from, to } : { from };
};

/** NM1 fields only (the 276 has no N3/N4/REF in its name loops). */
const nameOf = (p: Party): Party => {
  const out: Party = { entityType: p.entityType, lastOrOrganizationName: p.lastOrOrganizationName };
  if (p.firstName) out.firstName = p.firstName;
  if (p.idQualifier && p.id) Object.assign(out, { idQualifier: p.idQualifier, id: p.id });
  return out;
};

function lineOf(l: ProfessionalClaim['claim']['serviceLines'][number]): StatusLine {
  // A line billed by revenue code alone (837I without HCPCS) is asked about as NU:revenue code.
  const byRevenue = !l.procedure.code && l.revenueCode;
  const out: StatusLine = {
    procedure: byRevenue ? { qualifier: 'NU', code: l.revenueCode!, modifiers: [] } : l.procedure,
    chargeCents: l.chargeCents,
    units: l.units,
    serviceDate: l.serviceDate,
  };
  if (l.revenueCode && !byRevenue) out.revenueCode = l.revenueCode;
  if (l.lineControlNumber) out.lineControlNumber = l.lineControlNumber;
  return out;
}

export function inquiryOf(q: InquiryToWrite): ClaimInquiry {
  const c = q.model.claim;
  const out: ClaimInquiry = {
    traceNumber: q.traceNumber,
    patientControlNumber: c.patientControlNumber,
    chargeCents: c.totalChargeCents,
    lines: c.serviceLines.map(lineOf),
  };
  if (q.payerClaimNumber) out.payerClaimControlNumber = q.payerClaimNumber;
  if (q.billType) out.billType = q.billType;
  const dates = period(c.serviceLines.flatMap((l) => [l.serviceDate.from, l.serviceDate.to ?? '']));
  if (dates) out.serviceDate = dates;
  return out;
}

const memberOf = (m: Party & { birthDate?: string; gender?: string }): Member => {
  const out: Member = nameOf(m);
  if (m.birthDate) out.birthDate = m.birthDate;
  if (m.gender) out.gender = m.gender;
  return out;
};

/**
 * The 276 requests of a practice's inquiries: claims of the same payer, subscriber and patient share
 * one transaction set (one 2000D/2000E), in the order given.
 */
export function statusRequestsOf(
  inquiries: readonly InquiryToWrite[],
  asker: Asker,
  stamp: { date: string; time: string },
): ClaimStatusRequest[] {
  const byMember = new Map<string, ClaimStatusRequest>();
  for (const q of inquiries) {
    const m = q.model;
    const patient = m.patient;
    const key = JSON.stringify([
      m.payer.id,
      m.subscriber.id,
      patient?.lastOrOrganizationName,
      patient?.firstName,
    ]);
    let r = byMember.get(key);
    if (!r) {
      r = {
        referenceId: q.traceNumber,
        date: stamp.date,
        time: stamp.time,
        payer: nameOf(m.payer),
        receiver: { entityType: '2', lastOrOrganizationName: asker.name, idQualifier: '46', id: asker.id },
        provider: nameOf(m.billingProvider),
        subscriber: memberOf(m.subscriber),
        claims: [],
      };
      if (patient) r.dependent = memberOf(patient);
      byMember.set(key, r);
    }
    r.claims.push(inquiryOf(q));
  }
  return [...byMember.values()];
}
