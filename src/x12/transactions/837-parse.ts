// The 837 hierarchy (header, 1000A/B, 2000A billing provider, 2000B subscriber, 2000C patient) read
// from the loop tree into one typed claim per 2300 loop.
import { first, loopOf, loopsOf, type LoopNode } from '../engine/tree.ts';
import type { Segment } from '../engine/types.ts';
import { decode, type ReadContext } from './codec.ts';
import { set } from './fields.ts';
import { DMG, PAT, SBR } from './837-codecs.ts';
import { readClaim } from './837-claim.ts';
import { readAddress, readContacts, readParty } from './837-parties.ts';
import type {
  BillingProvider,
  Party,
  Patient,
  PayToPlan,
  ProfessionalClaim,
  Receiver,
  Submitter,
  Subscriber,
  TransactionHeader,
} from './837-types.ts';

const EMPTY: Party = { entityType: '2', lastOrOrganizationName: '' };

export function headerOf(root: LoopNode): TransactionHeader {
  const bht = first(root, 'BHT');
  const h: TransactionHeader = {
    purpose: bht?.el[2] ?? '',
    referenceId: bht?.el[3] ?? '',
    date: bht?.el[4] ?? '',
    time: bht?.el[5] ?? '',
  };
  set(h, 'claimOrEncounter', bht?.el[6]);
  return h;
}

export function submitterOf(root: LoopNode): Submitter {
  const l = loopOf(root, '1000A');
  const nm1 = l?.segments[0];
  const s: Submitter = { name: nm1?.el[3] ?? '', id: nm1?.el[9] ?? '' };
  if (nm1?.el[2] === '1') s.entityType = '1';
  set(s, 'firstName', nm1?.el[4]);
  set(s, 'middleName', nm1?.el[5]);
  if (l) set(s, 'contacts', readContacts(l));
  return s;
}

export function receiverOf(root: LoopNode): Receiver {
  const nm1 = loopOf(root, '1000B')?.segments[0];
  return { name: nm1?.el[3] ?? '', id: nm1?.el[9] ?? '' };
}

function payToPlanOf(l: LoopNode, ctx: ReadContext): PayToPlan {
  return { ...readParty(l, ctx, ['EI']), taxId: first(l, 'REF', 'EI')?.el[2] ?? '' };
}

function billingProviderOf(a: LoopNode, ctx: ReadContext): BillingProvider {
  const l = loopOf(a, '2010AA');
  const tax = l ? first(l, 'REF', ['EI', 'SY']) : undefined;
  const bp: BillingProvider = {
    ...(l ? readParty(l, ctx, ['EI', 'SY']) : EMPTY),
    taxIdQualifier: tax?.el[1] === 'SY' ? 'SY' : 'EI',
    taxId: tax?.el[2] ?? '',
  };
  set(bp, 'taxonomyCode', first(a, 'PRV', 'BI')?.el[3]);
  set(bp, 'currencyCode', first(a, 'CUR', '85')?.el[2]);
  const payTo = loopOf(a, '2010AB');
  if (payTo) set(bp, 'payToAddress', readAddress(payTo, ctx));
  const plan = loopOf(a, '2010AC');
  if (plan) bp.payToPlan = payToPlanOf(plan, ctx);
  return bp;
}

function demographics(target: Subscriber | Patient, node: LoopNode, ctx: ReadContext): void {
  const dmg = first(node, 'DMG');
  if (dmg) Object.assign(target, decode(DMG, dmg, ctx));
}

/** PAT05–PAT09 (death date, weight, pregnancy) of a 2000B or 2000C loop. */
function patientDetails(target: Subscriber | Patient, pat: Segment | undefined, ctx: ReadContext): void {
  if (pat) Object.assign(target, decode(PAT, pat, ctx));
}

function subscriberOf(b: LoopNode, ctx: ReadContext): Subscriber {
  const sbr = first(b, 'SBR');
  const l = loopOf(b, '2010BA');
  const s: Subscriber = {
    ...(l ? readParty(l, ctx) : { ...EMPTY, entityType: '1' }),
    ...(sbr ? decode(SBR, sbr, ctx) : {}),
    payerResponsibility: sbr?.el[1] ?? '',
  };
  patientDetails(s, first(b, 'PAT'), ctx);
  if (l) demographics(s, l, ctx);
  return s;
}

function patientOf(c: LoopNode, ctx: ReadContext): Patient {
  const pat = first(c, 'PAT');
  const l = loopOf(c, '2010CA');
  const p: Patient = {
    ...(l ? readParty(l, ctx) : { ...EMPTY, entityType: '1' }),
    relationship: pat?.el[1] ?? '',
  };
  patientDetails(p, pat, ctx);
  if (l) demographics(p, l, ctx);
  return p;
}

/** Claims from one 837 transaction set's loop tree, in file order. */
export function claimsFromTree(root: LoopNode, ctx: ReadContext): ProfessionalClaim[] {
  const out: ProfessionalClaim[] = [];
  for (const a of loopsOf(root, '2000A')) {
    const billingProvider = billingProviderOf(a, ctx);
    for (const b of loopsOf(a, '2000B')) {
      const subscriber = subscriberOf(b, ctx);
      const payerLoop = loopOf(b, '2010BB');
      const payer = payerLoop ? readParty(payerLoop, ctx) : EMPTY;
      for (const c of loopsOf(b, '2300'))
        out.push({ billingProvider, subscriber, payer, claim: readClaim(c, ctx) });
      for (const pc of loopsOf(b, '2000C')) {
        const patient = patientOf(pc, ctx);
        for (const c of loopsOf(pc, '2300'))
          out.push({ billingProvider, subscriber, payer, patient, claim: readClaim(c, ctx) });
      }
    }
  }
  return out;
}
