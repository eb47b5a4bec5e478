// 837 name loops (NM1 with its N3/N4, REF, PER, PRV): read from the loop tree and written back.
// Providers are found by NM101 entity code, so one table serves 2310x, 2420x and 2330C–I of both guides.
import { first, all, type LoopNode } from '../engine/tree.ts';
import type { Segment } from '../engine/types.ts';
import { loopToWrite, type LoopToWrite } from '../engine/guide-order.ts';
import type { SegmentFields } from '../engine/writer.ts';
import { codec, decode, encode, type ReadContext } from './codec.ts';
import type { Address, Contact, Party, ProviderRoles, Provider, Reference, Guide } from './837-types.ts';

const NM1 = codec<Party>('NM1', [
  ['entityType', '02'],
  ['lastOrOrganizationName', '03'],
  ['firstName', '04'],
  ['middleName', '05'],
  ['suffix', '07'],
  ['idQualifier', '08'],
  ['id', '09'],
]);
const N3 = codec<Address>('N3', [
  ['line1', '01'],
  ['line2', '02'],
]);
const N4 = codec<Address>('N4', [
  ['city', '01'],
  ['state', '02'],
  ['postalCode', '03'],
  ['countryCode', '04'],
  ['countrySubdivision', '07'],
]);
export const REF = codec<Reference>(
  'REF',
  [
    ['qualifier', '01'],
    ['value', '02'],
    ['payerId', '04-2'],
  ],
  [['04-1', '2U', 'payerId']],
);

/**
 * Provider roles by NM101 entity code; PRV01 where the guide has a specialty PRV in that loop
 * (X222A1 2310B/2420A rendering PE; X223A2 2310A attending AT).
 */
export const PROVIDER_ROLES: readonly (readonly [
  keyof ProviderRoles,
  string,
  Partial<Record<Guide, string>>?,
])[] = [
  ['referringProvider', 'DN'],
  ['primaryCareProvider', 'P3'],
  ['renderingProvider', '82', { '005010X222A1': 'PE' }],
  ['serviceFacility', '77'],
  ['supervisingProvider', 'DQ'],
  ['attendingProvider', '71', { '005010X223A2': 'AT' }],
  ['operatingPhysician', '72'],
  ['otherOperatingPhysician', 'ZZ'],
  ['ambulancePickUp', 'PW'],
  ['ambulanceDropOff', '45'],
  ['purchasedServiceProvider', 'QB'],
  ['orderingProvider', 'DK'],
  ['billingProvider', '85'],
];

export function readAddress(node: LoopNode, ctx: ReadContext): Address | undefined {
  const n3 = first(node, 'N3');
  const n4 = first(node, 'N4');
  if (!n3 && !n4) return undefined;
  return { line1: '', city: '', ...(n3 && decode(N3, n3, ctx)), ...(n4 && decode(N4, n4, ctx)) };
}

/** N3 and N4 (each only when it has a value: some loops send N4 without N3). */
export function addressSegments(a: Address | undefined): SegmentFields[] {
  if (!a) return [];
  const out: SegmentFields[] = [];
  if (a.line1 || a.line2) out.push(encode(N3, a));
  if (a.city || a.state || a.postalCode || a.countryCode || a.countrySubdivision) out.push(encode(N4, a));
  return out;
}

function readContact(s: Segment): Contact {
  const c: Contact = { numbers: [] };
  if (s.el[2]) c.name = s.el[2];
  // PER03–PER08: up to three qualifier/number pairs.
  for (let i = 3; i <= 7; i += 2) {
    const qualifier = s.el[i] ?? '';
    const number = s.el[i + 1] ?? '';
    if (qualifier || number) c.numbers.push({ qualifier, number });
  }
  return c;
}

export const readContacts = (node: LoopNode): Contact[] => all(node, 'PER').map(readContact);

export const contactSegments = (contacts: readonly Contact[] | undefined): SegmentFields[] =>
  (contacts ?? []).map((c) => [
    'PER',
    'IC',
    c.name ?? '',
    ...c.numbers.flatMap((n) => [n.qualifier, n.number]),
  ]);

/** REF segments of a loop, except the qualifiers a named field holds. */
export function readRefs(node: LoopNode, ctx: ReadContext, except: readonly string[] = []): Reference[] {
  return all(node, 'REF')
    .filter((s) => !except.includes(s.el[1] ?? ''))
    .map((s) => decode(REF, s, ctx));
}

export const refSegments = (refs: readonly Reference[] | undefined): SegmentFields[] =>
  (refs ?? []).map((r) => encode(REF, r));

/** NM1 (+ N3/N4, REF, PER) of a name loop; `exceptRefs` are REF qualifiers a named field holds. */
export function readParty(node: LoopNode, ctx: ReadContext, exceptRefs: readonly string[] = []): Party {
  const nm1 = node.segments[0] as Segment;
  const p: Party = { ...decode(NM1, nm1, ctx), entityType: nm1.el[2] === '1' ? '1' : '2' };
  p.lastOrOrganizationName ??= '';
  const address = readAddress(node, ctx);
  if (address) p.address = address;
  const refs = readRefs(node, ctx, exceptRefs);
  if (refs.length > 0) p.refs = refs;
  const contacts = readContacts(node);
  if (contacts.length > 0) p.contacts = contacts;
  return p;
}

export function nm1Segment(entity: string, p: Party): SegmentFields {
  const f = [...encode(NM1, p)];
  f[1] = entity;
  return f as unknown as SegmentFields;
}

/** The segments of a name loop (guide order is applied by the caller's inGuideOrder). */
export function partySegments(entity: string, p: Party): SegmentFields[] {
  return [
    nm1Segment(entity, p),
    ...addressSegments(p.address),
    ...refSegments(p.refs),
    ...contactSegments(p.contacts),
  ];
}

export function readProvider(node: LoopNode, ctx: ReadContext): Provider {
  const p: Provider = readParty(node, ctx);
  const prv = first(node, 'PRV');
  if (prv?.el[3]) p.taxonomyCode = prv.el[3];
  return p;
}

/** Child name loops by NM101 entity code. */
const nameLoops = (node: LoopNode, entity: string): LoopNode[] =>
  node.loops.filter((l) => l.segments[0]?.id === 'NM1' && l.segments[0].el[1] === entity);

/** Reads every provider role present among the node's child loops into `target`. */
export function readProviderRoles(node: LoopNode, ctx: ReadContext, target: ProviderRoles): void {
  for (const [field, entity] of PROVIDER_ROLES) {
    const l = nameLoops(node, entity)[0];
    if (l) target[field] = readProvider(l, ctx);
  }
}

/** The provider loops of `source` to write (one per role present). */
export function providerRoleLoops(source: ProviderRoles, guide: Guide): LoopToWrite[] {
  const out: LoopToWrite[] = [];
  for (const [field, entity, prv] of PROVIDER_ROLES) {
    const p = source[field];
    if (!p) continue;
    const segs = partySegments(entity, p);
    const code = prv?.[guide];
    if (code && p.taxonomyCode) segs.splice(1, 0, ['PRV', code, 'PXC', p.taxonomyCode]);
    out.push(loopToWrite(segs));
  }
  return out;
}
