// Test-only builders of 835 claim payments and candidate claims (plain objects, cents), with
// defaults that match each other (patient DOE, JANE, member M123; service date 2026-05-01). A
// candidate line's service line id is 1000 + its id.
import type { Adjustment, ClaimPayment, Remittance, ServicePayment } from '../x12/index.ts';
import type { CandidateClaim, CandidateLine } from './match.ts';

export const cas = (group: string, reason: string, amountCents: number): Adjustment => ({
  group,
  reason,
  amountCents,
});

export function svc(
  code: string,
  chargeCents: number,
  paidCents: number,
  adjustments: Adjustment[] = [],
  more: Partial<ServicePayment> & { date?: string; modifiers?: string[]; original?: string } = {},
): ServicePayment {
  const { date, modifiers, original, ...rest } = more;
  return {
    procedure: { qualifier: 'HC', code, modifiers: modifiers ?? [] },
    chargeCents,
    paidCents,
    dates: [{ qualifier: '472', date: date ?? '2026-05-01' }],
    adjustments,
    references: [],
    amounts: [],
    remarks: [],
    ...(original ? { originalProcedure: { qualifier: 'HC', code: original, modifiers: [] } } : {}),
    ...rest,
  };
}

export function clp(
  pcn: string,
  status: string,
  chargeCents: number,
  paidCents: number,
  serviceLines: ServicePayment[] = [],
  adjustments: Adjustment[] = [],
  more: Partial<ClaimPayment> = {},
): ClaimPayment {
  return {
    patientControlNumber: pcn,
    status,
    chargeCents,
    paidCents,
    adjustments,
    dates: [],
    references: [],
    amounts: [],
    serviceLines,
    patient: {
      entityType: '1',
      lastOrOrganizationName: 'DOE',
      firstName: 'JANE',
      idQualifier: 'MI',
      id: 'M123',
    },
    ...more,
  };
}

export function remittance(
  claims: ClaimPayment[],
  totalPaidCents: number,
  plb: { reason: string; amountCents: number }[] = [],
): Remittance {
  return {
    controlNumber: '0001',
    payment: { handlingCode: 'I', totalPaidCents, creditDebit: 'C', method: 'CHK', date: '2026-06-01' },
    trace: { type: '1', checkOrEftNumber: 'CHK1', payerId: '1999999999' },
    payer: { name: 'ANY PLAN', additionalIds: [] },
    payee: { name: 'CLINIC', idQualifier: 'XX', id: '1234567893', additionalIds: [] },
    claims,
    providerAdjustments: plb.length
      ? [{ providerId: '1234567893', fiscalPeriodDate: '2026-12-31', adjustments: plb }]
      : [],
  };
}

let nextId = 1;
export function line(
  procedureCode: string,
  chargeCents: number,
  more: Partial<CandidateLine> = {},
): CandidateLine {
  const id = more.id ?? nextId++;
  return {
    id,
    serviceLineId: 1000 + id,
    serviceDate: '2026-05-01',
    procedureCode,
    modifiers: [],
    units: 1,
    chargeCents,
    ...more,
  };
}

export function claim(
  pcn: string,
  lines: CandidateLine[],
  more: Partial<CandidateClaim> = {},
): CandidateClaim {
  return {
    id: 1,
    patientControlNumber: pcn,
    payerId: 7,
    patient: { lastName: 'Doe', firstName: 'Jane', memberId: 'M123' },
    lines,
    ...more,
  };
}
