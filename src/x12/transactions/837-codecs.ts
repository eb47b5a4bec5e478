// 837 segment uses as data: which typed field each element holds (X222A1 / X223A2 element usage).
// Qualifier tables (REF, AMT) name the field each qualifier's value goes to.
import { codec } from './codec.ts';
import type {
  Admission,
  AmbulanceTransport,
  Attachment,
  ClaimInfo,
  Condition,
  Contract,
  DmeCertification,
  DurableMedicalEquipment,
  FormAnswer,
  HomeHealth,
  InpatientAdjudication,
  LineAdjudication,
  LineQuantity,
  Measurement,
  Note,
  OtherPayer,
  OutpatientAdjudication,
  PatientDetails,
  PurchasedService,
  Repricing,
  ServiceLine,
  Subscriber,
} from './837-types.ts';

/** CLM05-2 (facility code qualifier) and CLM06 depend on the guide and are written by the claim writer. */
export const CLM = codec<ClaimInfo>('CLM', [
  ['patientControlNumber', '01'],
  ['totalChargeCents', '02', 'cents'],
  ['placeOfService', '05-1'],
  ['frequencyCode', '05-3'],
  ['assignment', '07'],
  ['benefitsAssigned', '08'],
  ['releaseOfInformation', '09'],
  ['patientSignatureSource', '10'],
  ['relatedCauses', ['11-1', '11-2', '11-3'], 'list'],
  ['accidentState', '11-4'],
  ['accidentCountry', '11-5'],
  ['specialProgram', '12'],
  ['delayReason', '20'],
]);

export const PWK = codec<Attachment>(
  'PWK',
  [
    ['reportType', '01'],
    ['transmissionCode', '02'],
    ['controlNumber', '06'],
  ],
  [['05', 'AC', 'controlNumber']],
);

export const CN1 = codec<Contract>('CN1', [
  ['typeCode', '01'],
  ['amountCents', '02', 'cents'],
  ['percent', '03'],
  ['code', '04'],
  ['termsDiscountPercent', '05'],
  ['version', '06'],
]);

export const NTE = codec<Note>('NTE', [
  ['code', '01'],
  ['text', '02'],
]);

export const CR1 = codec<AmbulanceTransport>(
  'CR1',
  [
    ['weightPounds', '02'],
    ['reasonCode', '04'],
    ['distanceMiles', '06'],
    ['roundTripPurpose', '09'],
    ['stretcherPurpose', '10'],
  ],
  [
    ['01', 'LB', 'weightPounds'],
    ['05', 'DH', 'distanceMiles'],
  ],
);

export const CR2 = codec<{ conditionCode: string; description?: string; description2?: string }>('CR2', [
  ['conditionCode', '08'],
  ['description', '10'],
  ['description2', '11'],
]);

/** CR603/CR604 (the certification period) are read and written by the claim reader/writer. */
export const CR6 = codec<HomeHealth>('CR6', [
  ['prognosis', '01'],
  ['startOfCareDate', '02', 'date'],
  ['date', '05', 'date'],
  ['response', '06'],
  ['response2', '07'],
  ['certificationType', '08'],
]);

export const CRC = codec<Condition>('CRC', [
  ['category', '01'],
  ['indicator', '02'],
  ['codes', ['03', '04', '05', '06', '07'], 'list'],
]);

export const HCP = codec<Repricing>('HCP', [
  ['methodology', '01'],
  ['allowedCents', '02', 'cents'],
  ['savingCents', '03', 'cents'],
  ['organizationId', '04'],
  ['perDiemOrFlatRateCents', '05', 'cents'],
  ['apgCode', '06'],
  ['apgAmountCents', '07', 'cents'],
  ['revenueCode', '08'],
  ['procedureQualifier', '09'],
  ['procedureCode', '10'],
  ['unitType', '11'],
  ['units', '12'],
  ['rejectReason', '13'],
  ['policyCompliance', '14'],
  ['exception', '15'],
]);

export const CL1 = codec<Admission>('CL1', [
  ['typeCode', '01'],
  ['sourceCode', '02'],
  ['patientStatusCode', '03'],
]);

/** 2300 REF uses held in named fields (both guides; each guide's map places only its own). */
export const CLAIM_REFS: readonly (readonly [keyof ClaimInfo, string])[] = [
  ['serviceAuthorizationException', '4N'],
  ['medicareCrossoverIndicator', 'F5'],
  ['mammographyCertification', 'EW'],
  ['referralNumber', '9F'],
  ['priorAuthorization', 'G1'],
  ['payerClaimControlNumber', 'F8'],
  ['cliaNumber', 'X4'],
  ['repricedClaimNumber', '9A'],
  ['adjustedRepricedClaimNumber', '9C'],
  ['investigationalDeviceExemption', 'LX'],
  ['clearinghouseTraceNumber', 'D9'],
  ['medicalRecordNumber', 'EA'],
  ['demonstrationProject', 'P4'],
  ['carePlanOversight', '1J'],
  ['peerReviewApproval', 'G4'],
  ['accidentState', 'LU'],
];

export const CLAIM_AMOUNTS: readonly (readonly [keyof ClaimInfo, string])[] = [
  ['patientPaidCents', 'F5'],
  ['patientEstimatedAmountDueCents', 'F3'],
];

/** SBR elements, the same in 2000B (subscriber) and 2320 (other subscriber). */
type SubscriberInformation = Pick<
  Subscriber,
  | 'payerResponsibility'
  | 'relationship'
  | 'groupNumber'
  | 'groupName'
  | 'insuranceType'
  | 'claimFilingIndicator'
>;

export const SBR = codec<SubscriberInformation>('SBR', [
  ['payerResponsibility', '01'],
  ['relationship', '02'],
  ['groupNumber', '03'],
  ['groupName', '04'],
  ['insuranceType', '05'],
  ['claimFilingIndicator', '09'],
]);

/** PAT05–PAT09 (PAT01 relationship is read by the 2000C reader). */
export const PAT = codec<PatientDetails>(
  'PAT',
  [
    ['deathDate', '06', 'date'],
    ['weightPounds', '08'],
    ['pregnant', '09', 'flag'],
  ],
  [
    ['05', 'D8', 'deathDate'],
    ['07', '01', 'weightPounds'],
  ],
);

export const DMG = codec<{ birthDate?: string; gender?: string }>(
  'DMG',
  [
    ['birthDate', '02', 'date'],
    ['gender', '03'],
  ],
  [['01', 'D8', 'birthDate']],
);

export const OI = codec<OtherPayer>('OI', [
  ['benefitsAssigned', '03'],
  ['patientSignatureSource', '04'],
  ['releaseOfInformation', '06'],
]);

export const OTHER_PAYER_AMOUNTS: readonly (readonly [keyof OtherPayer, string])[] = [
  ['paidCents', 'D'],
  ['nonCoveredCents', 'A8'],
  ['remainingPatientLiabilityCents', 'EAF'],
];

export const MIA = codec<InpatientAdjudication>('MIA', [
  ['coveredDaysOrVisits', '01'],
  ['ppsOperatingOutlierCents', '02', 'cents'],
  ['lifetimePsychiatricDays', '03'],
  ['drgAmountCents', '04', 'cents'],
  ['remarkCodes', ['05', '20', '21', '22', '23'], 'list'],
  ['disproportionateShareCents', '06', 'cents'],
  ['mspPassThroughCents', '07', 'cents'],
  ['ppsCapitalCents', '08', 'cents'],
  ['ppsCapitalFspDrgCents', '09', 'cents'],
  ['ppsCapitalHspDrgCents', '10', 'cents'],
  ['ppsCapitalDshDrgCents', '11', 'cents'],
  ['oldCapitalCents', '12', 'cents'],
  ['ppsCapitalImeCents', '13', 'cents'],
  ['ppsOperatingHospitalSpecificDrgCents', '14', 'cents'],
  ['costReportDays', '15'],
  ['ppsOperatingFederalSpecificDrgCents', '16', 'cents'],
  ['ppsCapitalOutlierCents', '17', 'cents'],
  ['indirectTeachingCents', '18', 'cents'],
  ['nonPayableProfessionalCents', '19', 'cents'],
  ['ppsCapitalExceptionCents', '24', 'cents'],
]);

export const MOA = codec<OutpatientAdjudication>('MOA', [
  ['reimbursementRate', '01'],
  ['hcpcsPayableCents', '02', 'cents'],
  ['remarkCodes', ['03', '04', '05', '06', '07'], 'list'],
  ['esrdPaymentCents', '08', 'cents'],
  ['nonPayableProfessionalCents', '09', 'cents'],
]);

/** SV1 elements other than the C003 procedure (01) and the C004 pointers (07). */
export const SV1 = codec<ServiceLine>('SV1', [
  ['chargeCents', '02', 'cents'],
  ['unitType', '03'],
  ['units', '04'],
  ['placeOfService', '05'],
  ['emergency', '09', 'flag'],
  ['epsdt', '11', 'flag'],
  ['familyPlanning', '12', 'flag'],
  ['copayStatus', '15'],
]);

/** SV2 elements other than the C003 procedure (02). */
export const SV2 = codec<ServiceLine>('SV2', [
  ['revenueCode', '01'],
  ['chargeCents', '03', 'cents'],
  ['unitType', '04'],
  ['units', '05'],
  ['nonCoveredChargeCents', '07', 'cents'],
]);

export const SV5 = codec<DurableMedicalEquipment>(
  'SV5',
  [
    ['procedureCode', '01-2'],
    ['unitType', '02'],
    ['length', '03'],
    ['rentalPriceCents', '04', 'cents'],
    ['purchasePriceCents', '05', 'cents'],
    ['rentalFrequency', '06'],
  ],
  [['01-1', 'HC']],
);

export const CR3 = codec<DmeCertification>(
  'CR3',
  [
    ['type', '01'],
    ['durationMonths', '03'],
  ],
  [['02', 'MO', 'durationMonths']],
);

export const QTY = codec<LineQuantity>('QTY', [
  ['qualifier', '01'],
  ['quantity', '02'],
]);

export const MEA = codec<Measurement>('MEA', [
  ['referenceId', '01'],
  ['qualifier', '02'],
  ['value', '03'],
]);

export const PS1 = codec<PurchasedService>('PS1', [
  ['providerId', '01'],
  ['chargeCents', '02', 'cents'],
]);

/** 2400 REF uses held in a single named field (G1 and 9F repeat and are lists of Reference). */
export const LINE_REFS: readonly (readonly [keyof ServiceLine, string])[] = [
  ['repricedLineItemReference', '9B'],
  ['adjustedRepricedLineItemReference', '9D'],
  ['lineControlNumber', '6R'],
  ['mammographyCertification', 'EW'],
  ['cliaNumber', 'X4'],
  ['referringCliaNumber', 'F4'],
  ['immunizationBatchNumber', 'BT'],
];

export const LINE_REF_LISTS: readonly (readonly [keyof ServiceLine, string])[] = [
  ['priorAuthorizations', 'G1'],
  ['referralNumbers', '9F'],
];

export const LINE_AMOUNTS: readonly (readonly [keyof ServiceLine, string])[] = [
  ['salesTaxCents', 'T'],
  ['postageClaimedCents', 'F4'],
  ['serviceTaxCents', 'GT'],
  ['facilityTaxCents', 'N8'],
];

/** SVD elements other than the C003 procedure (03). */
export const SVD = codec<LineAdjudication>('SVD', [
  ['otherPayerId', '01'],
  ['paidCents', '02', 'cents'],
  ['revenueCode', '04'],
  ['units', '05'],
  ['bundledLineNumber', '06'],
]);

export const FRM = codec<FormAnswer>('FRM', [
  ['question', '01'],
  ['answer', '02'],
  ['text', '03'],
  ['date', '04', 'date'],
  ['percent', '05'],
]);
