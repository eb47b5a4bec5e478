// 837P / 837I writer: typed claims → the loop tree of one transaction set (hierarchy 2000A/B/C here,
// 2300 and below in 837-claim.ts), written in the order the guide map gives.
import { inGuideOrder, loopToWrite, type LoopToWrite } from '../engine/guide-order.ts';
import { X222A1 } from '../maps/837p.ts';
import { X223A2 } from '../maps/837i.ts';
import type { LoopRule, TransactionMap } from '../maps/types.ts';
import {
  writeInterchange,
  formatSegment,
  WRITE_DELIMITERS,
  type ControlNumberSource,
  type EnvelopeOptions,
  type SegmentFields,
  type TransactionToWrite,
} from '../engine/writer.ts';
import { encode } from './codec.ts';
import { DMG, PAT, SBR } from './837-codecs.ts';
import { claimLoop } from './837-claim.ts';
import { addressSegments, contactSegments, partySegments } from './837-parties.ts';
import type {
  BillingProvider,
  Contact,
  Guide,
  Patient,
  ProfessionalClaim,
  Receiver,
  Submitter,
  Subscriber,
  TransactionHeader,
} from './837-types.ts';

export interface Generate837Options extends EnvelopeOptions {
  submitter: Submitter;
  receiver: Receiver;
  /** BHT: defaults purpose 00 (original), BHT03 = date + time, BHT04/05 = the envelope date/time, BHT06 CH. */
  header?: Partial<TransactionHeader>;
  /** Guide to write: 005010X222A1 professional (default) or 005010X223A2 institutional. */
  guide?: Guide;
  /** Claims per ST/SE (default 5000, a common payer limit). */
  claimsPerTransaction?: number;
  numbers: ControlNumberSource;
}

export type { Guide };

const GUIDE_MAPS: Record<Guide, TransactionMap> = { '005010X222A1': X222A1, '005010X223A2': X223A2 };

const submitterContacts = (s: Submitter): Contact[] =>
  s.contacts ?? [
    {
      ...(s.contactName ? { name: s.contactName } : {}),
      numbers: s.phone ? [{ qualifier: 'TE', number: s.phone }] : [],
    },
  ];

function submitterLoops(submitter: Submitter, receiver: Receiver): LoopToWrite[] {
  const nm1: SegmentFields = [
    'NM1',
    '41',
    submitter.entityType ?? '2',
    submitter.name,
    submitter.firstName ?? '',
    submitter.middleName ?? '',
    '',
    '',
    '46',
    submitter.id,
  ];
  return [
    loopToWrite([nm1, ...contactSegments(submitterContacts(submitter))]),
    loopToWrite([['NM1', '40', '2', receiver.name, '', '', '', '', '46', receiver.id]]),
  ];
}

function billingProviderSegments(bp: BillingProvider): { own: SegmentFields[]; loops: LoopToWrite[] } {
  const own: SegmentFields[] = [];
  if (bp.taxonomyCode) own.push(['PRV', 'BI', 'PXC', bp.taxonomyCode]);
  if (bp.currencyCode) own.push(['CUR', '85', bp.currencyCode]);
  const loops = [loopToWrite([...partySegments('85', bp), ['REF', bp.taxIdQualifier, bp.taxId]])];
  if (bp.payToAddress) loops.push(loopToWrite([['NM1', '87', '2'], ...addressSegments(bp.payToAddress)]));
  if (bp.payToPlan)
    loops.push(loopToWrite([...partySegments('PE', bp.payToPlan), ['REF', 'EI', bp.payToPlan.taxId]]));
  return { own, loops };
}

const hasPatientDetails = (p: Subscriber | Patient): boolean =>
  p.deathDate !== undefined || p.weightPounds !== undefined || p.pregnant !== undefined;

function subscriberLoop(hl: SegmentFields, s: Subscriber, payer: ProfessionalClaim['payer']): LoopToWrite {
  const segs: SegmentFields[] = [hl, encode(SBR, s)];
  if (hasPatientDetails(s)) segs.push(encode(PAT, s));
  const name = partySegments('IL', s);
  if (s.birthDate || s.gender) name.push(encode(DMG, s));
  return loopToWrite(segs, [loopToWrite(name), loopToWrite(partySegments('PR', payer))]);
}

function patientLoop(hl: SegmentFields, p: Patient): LoopToWrite {
  const pat = [...encode(PAT, p)];
  pat[1] = p.relationship;
  const name = partySegments('QC', p);
  if (p.birthDate || p.gender) name.push(encode(DMG, p));
  return loopToWrite([hl, pat as unknown as SegmentFields], [loopToWrite(name)]);
}

type ByPatient = Map<string, ProfessionalClaim[]>;

/** Groups claims by billing provider, then subscriber+payer, then patient, keeping first-seen order. */
function hierarchy(claims: readonly ProfessionalClaim[]): Map<string, Map<string, ByPatient>> {
  const tree = new Map<string, Map<string, ByPatient>>();
  for (const c of claims) {
    const a = JSON.stringify(c.billingProvider);
    const b = JSON.stringify([c.subscriber, c.payer]);
    const p = c.patient ? JSON.stringify(c.patient) : '';
    const bySub = tree.get(a) ?? new Map<string, ByPatient>();
    tree.set(a, bySub);
    const byPat = bySub.get(b) ?? new Map<string, ProfessionalClaim[]>();
    bySub.set(b, byPat);
    const list = byPat.get(p) ?? [];
    byPat.set(p, list);
    list.push(c);
  }
  return tree;
}

/** The 2000A loops (HL numbered 1, 2, 3… in writing order). */
function hierarchyLoops(claims: readonly ProfessionalClaim[], guide: Guide): LoopToWrite[] {
  const out: LoopToWrite[] = [];
  let hl = 0;
  for (const bySub of hierarchy(claims).values()) {
    const first = [...bySub.values()][0]?.values().next().value?.[0] as ProfessionalClaim;
    const a = ++hl;
    const bp = billingProviderSegments(first.billingProvider);
    const billing = loopToWrite([['HL', String(a), '', '20', '1'], ...bp.own], bp.loops);
    for (const byPat of bySub.values()) {
      const c0 = byPat.values().next().value?.[0] as ProfessionalClaim;
      const b = ++hl;
      const hasPatients = [...byPat.keys()].some((k) => k !== '');
      const sub = subscriberLoop(
        ['HL', String(b), String(a), '22', hasPatients ? '1' : '0'],
        c0.subscriber,
        c0.payer,
      );
      for (const own of byPat.get('') ?? []) sub.loops.push(claimLoop(own.claim, guide));
      for (const [k, list] of byPat) {
        if (k === '') continue;
        const pat = patientLoop(
          ['HL', String(++hl), String(b), '23', '0'],
          (list[0] as ProfessionalClaim).patient as Patient,
        );
        for (const c of list) pat.loops.push(claimLoop(c.claim, guide));
        sub.loops.push(pat);
      }
      billing.loops.push(sub);
    }
    out.push(billing);
  }
  return out;
}

const headerSegment = (h: TransactionHeader): SegmentFields => [
  'BHT',
  '0019',
  h.purpose,
  h.referenceId,
  h.date,
  h.time,
  h.claimOrEncounter ?? '',
];

/**
 * The segments between ST and SE for one 837 transaction set (BHT through the last 2400), in guide
 * order. Throws when a claim carries something the guide has no place for (e.g. 13 diagnoses on an
 * 837P), a programmer error the claims module must not make.
 */
export function claimsToSegments(
  claims: readonly ProfessionalClaim[],
  submitter: Submitter,
  receiver: Receiver,
  header: TransactionHeader,
  guide: Guide = '005010X222A1',
): SegmentFields[] {
  const map = GUIDE_MAPS[guide];
  const root: LoopRule = { kind: 'loop', id: 'ST', name: map.name, usage: 'R', max: 1, children: map.body };
  const tree = loopToWrite(
    [headerSegment(header)],
    [...submitterLoops(submitter, receiver), ...hierarchyLoops(claims, guide)],
  );
  const unplaced: SegmentFields[] = [];
  const out = inGuideOrder(root, tree, [], unplaced);
  if (unplaced.length > 0) {
    const list = unplaced.slice(0, 5).map((s) => formatSegment(s, WRITE_DELIMITERS));
    throw new Error(`${guide} has no place for ${unplaced.length} segment(s): ${list.join(' ')}`);
  }
  return out;
}

/** One 837 transaction set to write. */
export interface Transaction837 {
  /** 005010X222A1 (default) or 005010X223A2. */
  guide?: Guide;
  header?: Partial<TransactionHeader>;
  submitter: Submitter;
  receiver: Receiver;
  claims: readonly ProfessionalClaim[];
}

export type Write837Options = EnvelopeOptions & { numbers: ControlNumberSource };

/**
 * Writes several 837 transaction sets as one interchange (consecutive sets of one guide share a GS
 * group), e.g. the sets `parse837` or `x12 to-json` gave. BHT defaults: purpose 00, BHT03 = date +
 * time, BHT04/05 = the envelope date/time, BHT06 CH.
 */
export async function write837(sets: readonly Transaction837[], options: Write837Options): Promise<string> {
  const groups: { functionalId: string; guide: Guide; transactions: TransactionToWrite[] }[] = [];
  for (const t of sets) {
    const guide = t.guide ?? '005010X222A1';
    const header: TransactionHeader = {
      purpose: '00',
      referenceId: `${options.date}${options.time}`,
      date: options.date,
      time: options.time,
      claimOrEncounter: 'CH',
      ...t.header,
    };
    const body = claimsToSegments(t.claims, t.submitter, t.receiver, header, guide);
    const last = groups[groups.length - 1];
    const group = last?.guide === guide ? last : { functionalId: 'HC', guide, transactions: [] };
    if (group !== last) groups.push(group);
    group.transactions.push({ setId: '837', guide, body });
  }
  return writeInterchange(groups, options, options.numbers);
}

/** Writes claims as a complete 837P (or, with `guide: 005010X223A2`, 837I) interchange with control numbers from `options.numbers`. */
export async function generate837(
  claims: readonly ProfessionalClaim[],
  options: Generate837Options,
): Promise<string> {
  const per = options.claimsPerTransaction ?? 5000;
  const { submitter, receiver, header, guide } = options;
  const sets: Transaction837[] = [];
  for (let i = 0; i === 0 || i < claims.length; i += per)
    sets.push({
      submitter,
      receiver,
      claims: claims.slice(i, i + per),
      ...(header ? { header } : {}),
      ...(guide ? { guide } : {}),
    });
  return write837(sets, options);
}
