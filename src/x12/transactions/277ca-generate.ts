// 277CA writer (005010X214): the claim acknowledgment a payer or clearinghouse returns for an 837
// batch. One 2000A information source, one 2000B receiver (the submitter) with the batch totals, one
// 2000C per billing provider and one 2000D/2200D per claim, each accepted (A2, with the payer's
// claim number in REF*1K) or rejected (A3/A6/A7… with the status code and entity).
import { toPeriod, toX12Date, type DatePeriod, type IsoDate } from '../engine/dates.ts';
import { formatCents, type Cents } from '../engine/money.ts';
import {
  writeInterchange,
  type ControlNumberSource,
  type EnvelopeOptions,
  type SegmentFields,
} from '../engine/writer.ts';

export interface StatusToWrite {
  /** STC01-1 Health Care Claim Status Category Code (code source 507). */
  category: string;
  /** STC01-2 Health Care Claim Status Code (code source 508). */
  code: string;
  /** STC01-3 Entity Identifier Code, when the status names one (IL subscriber, 82 rendering…). */
  entity?: string;
}

export interface ClaimAckToWrite {
  patient: { lastName: string; firstName?: string; memberId: string };
  /** CLM01, echoed in TRN02. */
  patientControlNumber: string;
  chargeCents: Cents;
  accepted: boolean;
  /** STC01 (STC10/STC11 carry a second and third). */
  statuses: StatusToWrite[];
  payerClaimControlNumber?: string;
  clearinghouseTraceNumber?: string;
  serviceDate?: DatePeriod;
}

export interface ProviderAckToWrite {
  name: string;
  npi: string;
  claims: ClaimAckToWrite[];
}

export interface Acknowledgment277CA {
  informationSource: { name: string; idQualifier: 'PI' | '46' | 'FI' | 'XV'; id: string };
  receiver: { name: string; id: string };
  /** TRN02 of 2200A (batch trace) and 2200B (the 837's BHT03). */
  batchTrace: string;
  receiverTrace: string;
  receiptDate: IsoDate;
  processDate: IsoDate;
  providers: ProviderAckToWrite[];
}

const stcComposite = (s: StatusToWrite) => [s.category, s.code, s.entity ?? ''];

/** X214 2200D STC: STC03 action code WQ (accepted) or U (rejected), STC04 the claim charge. */
function claimSegments(c: ClaimAckToWrite, date: string): SegmentFields[] {
  const [first, ...more] = c.statuses;
  const stc: SegmentFields = [
    'STC',
    stcComposite(first ?? { category: c.accepted ? 'A2' : 'A3', code: '20' }),
    date,
    c.accepted ? 'WQ' : 'U',
    formatCents(c.chargeCents),
    '',
    '',
    '',
    '',
    '',
    ...more.slice(0, 2).map(stcComposite),
  ];
  const out: SegmentFields[] = [['TRN', '2', c.patientControlNumber], stc];
  if (c.accepted && c.payerClaimControlNumber) out.push(['REF', '1K', c.payerClaimControlNumber]);
  if (c.clearinghouseTraceNumber) out.push(['REF', 'D9', c.clearinghouseTraceNumber]);
  if (c.serviceDate?.from) out.push(['DTP', '472', ...toPeriod(c.serviceDate)]);
  return out;
}

/** The segments between ST and SE of one 277CA. */
export function acknowledgmentToSegments(a: Acknowledgment277CA, time: string): SegmentFields[] {
  const process = toX12Date(a.processDate);
  const claims = a.providers.flatMap((p) => p.claims);
  const accepted = claims.filter((c) => c.accepted);
  const rejected = claims.filter((c) => !c.accepted);
  const sum = (cs: ClaimAckToWrite[]) => formatCents(cs.reduce((t, c) => t + c.chargeCents, 0));
  const out: SegmentFields[] = [
    ['BHT', '0085', '08', a.batchTrace, process, time, 'TH'],
    ['HL', '1', '', '20', '1'],
    [
      'NM1',
      'PR',
      '2',
      a.informationSource.name,
      '',
      '',
      '',
      '',
      a.informationSource.idQualifier,
      a.informationSource.id,
    ],
    ['TRN', '1', a.batchTrace],
    ['DTP', '050', 'D8', toX12Date(a.receiptDate)],
    ['DTP', '009', 'D8', process],
    ['HL', '2', '1', '21', a.providers.length > 0 ? '1' : '0'],
    ['NM1', '41', '2', a.receiver.name, '', '', '', '', '46', a.receiver.id],
    ['TRN', '2', a.receiverTrace],
    ['STC', ['A1', '20'], process, 'WQ', sum(claims)],
  ];
  if (accepted.length) out.push(['QTY', '90', String(accepted.length)]);
  if (rejected.length) out.push(['QTY', 'AA', String(rejected.length)]);
  if (accepted.length) out.push(['AMT', 'YU', sum(accepted)]);
  if (rejected.length) out.push(['AMT', 'YY', sum(rejected)]);
  let hl = 2;
  for (const p of a.providers) {
    const providerHl = ++hl;
    out.push(['HL', String(providerHl), '2', '19', p.claims.length > 0 ? '1' : '0']);
    out.push(['NM1', '85', '2', p.name, '', '', '', '', 'XX', p.npi]);
    // 2200C is required by pyx12's X214 map (its TRN names the provider's part of the batch).
    out.push(['TRN', '1', `${a.batchTrace}-${providerHl - 2}`]);
    const ok = p.claims.filter((c) => c.accepted);
    const no = p.claims.filter((c) => !c.accepted);
    // X214 2200C STC02 is not used: the date is the receiver's (2200B).
    out.push(['STC', ['A1', '20'], '', 'WQ', sum(p.claims)]);
    if (ok.length) out.push(['QTY', 'QA', String(ok.length)]);
    if (no.length) out.push(['QTY', 'QC', String(no.length)]);
    if (ok.length) out.push(['AMT', 'YU', sum(ok)]);
    if (no.length) out.push(['AMT', 'YY', sum(no)]);
    for (const c of p.claims) {
      out.push(['HL', String(++hl), String(providerHl), 'PT']);
      out.push([
        'NM1',
        'QC',
        '1',
        c.patient.lastName,
        c.patient.firstName ?? '',
        '',
        '',
        '',
        'MI',
        c.patient.memberId,
      ]);
      out.push(...claimSegments(c, process));
    }
  }
  return out;
}

export type Write277CAOptions = EnvelopeOptions & { numbers: ControlNumberSource };

/** Writes 277CA acknowledgments as one interchange (GS HN, one ST 277 per acknowledgment). */
export async function write277CA(
  acks: readonly Acknowledgment277CA[],
  options: Write277CAOptions,
): Promise<string> {
  const guide = '005010X214';
  const transactions = acks.map((a) => ({
    setId: '277',
    guide,
    body: acknowledgmentToSegments(a, options.time),
  }));
  return writeInterchange([{ functionalId: 'HN', guide, transactions }], options, options.numbers);
}
