// 835 segment uses as field tables: one table reads and writes each segment (parse835, write835).
import { codec } from './codec.ts';
import type {
  ClaimPayment,
  Payment,
  ProviderSummary,
  RemitParty,
  SupplementalSummary,
  Trace,
} from './835-types.ts';

/** BPR with the sender and receiver accounts flattened (BPR06–09, BPR12–15). */
export interface FlatPayment extends Omit<Payment, 'senderAccount' | 'receiverAccount'> {
  senderDfiQualifier?: string;
  senderDfiId?: string;
  senderAccountQualifier?: string;
  senderAccount?: string;
  receiverDfiQualifier?: string;
  receiverDfiId?: string;
  receiverAccountQualifier?: string;
  receiverAccount?: string;
}

export const BPR = codec<FlatPayment>('BPR', [
  ['handlingCode', '01'],
  ['totalPaidCents', '02', 'cents'],
  ['creditDebit', '03'],
  ['method', '04'],
  ['format', '05'],
  ['senderDfiQualifier', '06'],
  ['senderDfiId', '07'],
  ['senderAccountQualifier', '08'],
  ['senderAccount', '09'],
  ['originatorId', '10'],
  ['originatorSupplementalCode', '11'],
  ['receiverDfiQualifier', '12'],
  ['receiverDfiId', '13'],
  ['receiverAccountQualifier', '14'],
  ['receiverAccount', '15'],
  ['date', '16', 'date'],
]);

export const TRN = codec<Trace>('TRN', [
  ['type', '01'],
  ['checkOrEftNumber', '02'],
  ['payerId', '03'],
  ['originatingCompanySupplementalCode', '04'],
]);

/** N1 of 1000A/1000B (N101 PR or PE is the loop's, written by the caller). */
export const N1 = codec<RemitParty>('N1', [
  ['name', '02'],
  ['idQualifier', '03'],
  ['id', '04'],
]);

export const RDM = codec<NonNullable<RemitParty['deliveryMethod']>>('RDM', [
  ['transmissionCode', '01'],
  ['name', '02'],
  ['communicationNumber', '03'],
]);

export const CLP = codec<ClaimPayment>('CLP', [
  ['patientControlNumber', '01'],
  ['status', '02'],
  ['chargeCents', '03', 'cents'],
  ['paidCents', '04', 'cents'],
  ['patientResponsibilityCents', '05', 'cents'],
  ['claimFilingIndicator', '06'],
  ['payerClaimControlNumber', '07'],
  ['facilityCode', '08'],
  ['frequencyCode', '09'],
  ['drgCode', '11'],
  ['drgWeight', '12'],
  ['dischargeFraction', '13'],
]);

export const TS3 = codec<ProviderSummary>('TS3', [
  ['providerId', '01'],
  ['facilityCode', '02'],
  ['fiscalPeriodDate', '03', 'date'],
  ['claimCount', '04'],
  ['totalChargeCents', '05', 'cents'],
  ['totalMspPayerCents', '13', 'cents'],
  ['totalNonLabChargeCents', '15', 'cents'],
  ['totalHcpcsReportedChargeCents', '17', 'cents'],
  ['totalHcpcsPayableCents', '18', 'cents'],
  ['totalProfessionalComponentCents', '20', 'cents'],
  ['totalMspPatientLiabilityMetCents', '21', 'cents'],
  ['totalPatientReimbursementCents', '22', 'cents'],
  ['totalPipClaimCount', '23'],
  ['totalPipAdjustmentCents', '24', 'cents'],
]);

export const TS2 = codec<SupplementalSummary>('TS2', [
  ['totalDrgCents', '01', 'cents'],
  ['totalFederalSpecificCents', '02', 'cents'],
  ['totalHospitalSpecificCents', '03', 'cents'],
  ['totalDisproportionateShareCents', '04', 'cents'],
  ['totalCapitalCents', '05', 'cents'],
  ['totalIndirectMedicalEducationCents', '06', 'cents'],
  ['totalOutlierDayCount', '07'],
  ['totalDayOutlierCents', '08', 'cents'],
  ['totalCostOutlierCents', '09', 'cents'],
  ['averageDrgLengthOfStay', '10'],
  ['totalDischargeCount', '11'],
  ['totalCostReportDayCount', '12'],
  ['totalCoveredDayCount', '13'],
  ['totalNoncoveredDayCount', '14'],
  ['totalMspPassThroughCents', '15', 'cents'],
  ['averageDrgWeight', '16'],
  ['totalPpsCapitalFspDrgCents', '17', 'cents'],
  ['totalPpsCapitalHspDrgCents', '18', 'cents'],
  ['totalPpsDshDrgCents', '19', 'cents'],
]);
