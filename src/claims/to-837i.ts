import type { ClaimDate, HealthCareCode } from '../x12/transactions/837-claim-types.ts';
import type { InstitutionalClaim } from '../x12/transactions/837-types.ts';
import type { InstitutionalData } from '../encounters/institutional.ts';
import type { ClaimParties } from './parties.ts';
import type { claim, claimLine } from './tables.ts';
import { normalizeCode } from '../codesets/icd10cm/code.ts';
import { adjudicationsOf, drugLoopOf, person, professionalClaimOf } from './to-837.ts';

type ClaimRow = typeof claim.$inferSelect;
type LineRow = typeof claimLine.$inferSelect;

/** DTP uses of an 837I 2300: statement dates (434), admission date and hour (435), discharge hour (096). */
function institutionalDates(inst: InstitutionalData, statement: ClaimParties['statement']): ClaimDate[] {
  const dates: ClaimDate[] = [];
  if (statement) dates.push({ qualifier: '434', period: { from: statement.from, to: statement.to } });
  if (inst.admissionDate)
    dates.push({
      qualifier: '435',
      period: { from: inst.admissionDate },
      ...(inst.admissionHour ? { time: `${inst.admissionHour}00` } : {}),
    });
  if (inst.dischargeHour)
    dates.push({ qualifier: '096', period: { from: '' }, time: `${inst.dischargeHour}00` });
  return dates;
}

/** The HI codes of an 837I other than the diagnoses, in the TR3's segment order. */
function healthCareCodesOf(inst: InstitutionalData): HealthCareCode[] {
  const codes: HealthCareCode[] = [];
  if (inst.admittingDiagnosis) codes.push({ qualifier: 'ABJ', code: normalizeCode(inst.admittingDiagnosis) });
  for (const c of inst.reasonForVisit ?? []) codes.push({ qualifier: 'APR', code: normalizeCode(c) });
  for (const c of inst.externalCauses ?? []) codes.push({ qualifier: 'ABN', code: normalizeCode(c) });
  (inst.procedures ?? []).forEach((p, i) =>
    codes.push({ qualifier: i === 0 ? 'BBR' : 'BBQ', code: p.code, date: { from: p.date } }),
  );
  for (const s of inst.occurrenceSpans ?? [])
    codes.push({ qualifier: 'BI', code: s.code, date: { from: s.from, to: s.to } });
  for (const o of inst.occurrences ?? [])
    codes.push({ qualifier: 'BH', code: o.code, date: { from: o.date } });
  for (const v of inst.values ?? [])
    codes.push({ qualifier: 'BE', code: v.code, amountCents: v.amountCents });
  for (const c of inst.conditionCodes ?? []) codes.push({ qualifier: 'BG', code: c });
  return codes;
}

/**
 * A stored institutional claim as the 837I TR3 (005010X223A2) carries it: the professional parts
 * (billing provider, subscriber, payer, patient) plus the type of bill (CLM05), CL1, statement and
 * admission dates, the institutional HI codes with POA, the attending (2310A) and operating (2310B)
 * physicians, and SV2 lines by revenue code.
 */
export function institutionalClaimOf(
  row: ClaimRow,
  lines: LineRow[],
  parties: ClaimParties,
): InstitutionalClaim {
  const inst = row.institutional;
  if (!inst) throw new Error(`claim ${row.id} is not institutional: it has no UB-04 data`);
  const base = professionalClaimOf(row, lines, parties);
  const {
    renderingProvider: _rendering,
    serviceFacility: _facility,
    supervisingProvider: _supervising,
    ...claimInfo
  } = base.claim;
  const poa = inst.presentOnAdmission ?? [];
  const operating = person(parties.operating);
  const attending = person(parties.rendering);
  const codes = healthCareCodesOf(inst);
  return {
    ...base,
    claim: {
      ...claimInfo,
      // CLM05-1 is the facility type code: the type of bill without its frequency digit.
      placeOfService: inst.billType.slice(0, 2),
      providerSignature: false,
      dates: institutionalDates(inst, parties.statement),
      admission: {
        ...(inst.admissionType ? { typeCode: inst.admissionType } : {}),
        ...(inst.admissionSource ? { sourceCode: inst.admissionSource } : {}),
        patientStatusCode: inst.patientStatus,
      },
      ...(poa.some(Boolean)
        ? { diagnosisPresentOnAdmission: row.diagnoses.map((_, i) => poa[i] ?? '') }
        : {}),
      ...(codes.length ? { healthCareCodes: codes } : {}),
      ...(attending ? { attendingProvider: attending } : {}),
      ...(operating ? { operatingPhysician: operating } : {}),
      serviceLines: [...lines]
        .sort((a, b) => a.lineNumber - b.lineNumber)
        .map((l) => ({
          revenueCode: l.revenueCode ?? '',
          // A line billed by revenue code alone has no SV202, so no modifiers are sent either.
          procedure: {
            qualifier: 'HC',
            code: l.procedureCode,
            modifiers: l.procedureCode ? l.modifiers : [],
          },
          chargeCents: l.chargeCents,
          unitType: 'UN',
          units: String(Number(l.units)),
          diagnosisPointers: [],
          serviceDate: { from: l.serviceDate },
          ...drugLoopOf(l),
          ...adjudicationsOf(row, l, parties),
        })),
    },
  };
}
