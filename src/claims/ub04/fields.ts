import type { Address, ProfessionalClaim, Provider } from '../../x12/transactions/837-types.ts';
import { SERVICE_LINES_PER_PAGE } from './layout.ts';
import { payerRowFields } from './payers.ts';

/** What the UB-04 prints beyond the 837I: the day the form is made (FL45 line 23). */
export interface Ub04Extras {
  createdOn: string;
  /** FL1 line 4: the billing provider's phone (the model's print-only details). */
  billingPhone?: string | null;
}

/** One page: the claim-level form locators and up to 22 service lines. */
export interface Ub04Page {
  header: Record<string, string>;
  lines: Record<string, string>[];
}

const LETTERS = 'ABCDEFGHIJKLMNOPQ'.split('');
const upper = (s: string | undefined) => (s ?? '').toUpperCase().replace(/\s+/g, ' ').trim();
/** MMDDYY, as the UB-04 prints dates (FL10 birth date is MMDDCCYY). */
const mmddyy = (iso: string | undefined) =>
  iso ? `${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(2, 4)}` : '';
const mmddccyy = (iso: string | undefined) =>
  iso ? `${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(0, 4)}` : '';
const dollars = (cents: number) => (cents / 100).toFixed(2);
const cityStateZip = (a: Address | undefined) =>
  a ? upper(`${a.city} ${a.state ?? ''} ${a.postalCode ?? ''}`) : '';
const street = (a: Address | undefined) => (a ? upper([a.line1, a.line2].filter(Boolean).join(' ')) : '');
const name = (p: Provider | undefined) =>
  p ? upper([p.lastOrOrganizationName, p.firstName].filter(Boolean).join(', ')) : '';

function set(v: Record<string, string>, key: string, value: string | undefined) {
  if (value) v[key] = value;
}

/**
 * The UB-04 form locators of an institutional claim's 837I model (what is sent is what is printed):
 * the claim on every page, 22 service lines a page, the totals on line 23 of the last page.
 */
export function ub04Fields(model: ProfessionalClaim, extras: Ub04Extras): Ub04Page[] {
  const c = model.claim;
  const bp = model.billingProvider;
  const sub = model.subscriber;
  const patient = model.patient;
  const v: Record<string, string> = {};
  set(v, 'FL1.name', upper(bp.lastOrOrganizationName));
  set(v, 'FL1.street', street(bp.address));
  set(v, 'FL1.cityStateZip', cityStateZip(bp.address));
  set(v, 'FL1.phone', extras.billingPhone ?? undefined);
  if (bp.payToAddress) {
    set(v, 'FL2.name', upper(bp.lastOrOrganizationName));
    set(v, 'FL2.street', street(bp.payToAddress));
    set(v, 'FL2.cityStateZip', cityStateZip(bp.payToAddress));
  }
  set(v, 'FL3a', c.patientControlNumber);
  set(v, 'FL3b', c.medicalRecordNumber);
  // FL4: a leading zero, the facility type and classification (CLM05-1), the frequency (CLM05-3).
  set(v, 'FL4', `0${c.placeOfService}${c.frequencyCode}`);
  set(v, 'FL5', bp.taxId);
  const statement = c.dates.find((d) => d.qualifier === '434')?.period;
  set(v, 'FL6.from', mmddyy(statement?.from));
  set(v, 'FL6.through', mmddyy(statement?.to ?? statement?.from));
  const pt = patient ?? sub;
  set(v, 'FL8b', upper([pt.lastOrOrganizationName, pt.firstName].filter(Boolean).join(', ')));
  set(v, 'FL9a', street(pt.address));
  set(v, 'FL9b', upper(pt.address?.city));
  set(v, 'FL9c', pt.address?.state);
  set(v, 'FL9d', pt.address?.postalCode);
  set(v, 'FL10', mmddccyy(pt.birthDate));
  set(v, 'FL11', pt.gender);
  const admission = c.dates.find((d) => d.qualifier === '435');
  set(v, 'FL12', mmddyy(admission?.period.from));
  set(v, 'FL13', admission?.time?.slice(0, 2));
  set(v, 'FL14', c.admission?.typeCode);
  set(v, 'FL15', c.admission?.sourceCode);
  set(v, 'FL16', c.dates.find((d) => d.qualifier === '096')?.time?.slice(0, 2));
  set(v, 'FL17', c.admission?.patientStatusCode);
  codeFields(v, model);
  // FL38 responsible party: the payer's name and its 2010BB address when the model has one.
  const pa = model.payer.address;
  const payerAddress = pa ? ` ${pa.line1} ${pa.city} ${pa.state ?? ''} ${pa.postalCode ?? ''}` : '';
  set(v, 'FL38.name', upper(`${model.payer.lastOrOrganizationName}${payerAddress}`));
  Object.assign(v, payerRowFields(model));
  set(v, 'FL56', bp.idQualifier === 'XX' ? bp.id : undefined);
  set(v, 'FL66', '0'); // ICD-10
  const poa = c.diagnosisPresentOnAdmission ?? [];
  c.diagnoses.forEach((code, i) =>
    set(v, i === 0 ? 'FL67' : `FL67${LETTERS[i - 1]}`, `${code}${poa[i] ? ` ${poa[i]}` : ''}`),
  );
  set(v, 'FL76.npi', c.attendingProvider?.id);
  set(v, 'FL76.name', name(c.attendingProvider));
  set(v, 'FL77.npi', c.operatingPhysician?.id);
  set(v, 'FL77.name', name(c.operatingPhysician));
  if (bp.taxonomyCode) {
    set(v, 'FL81.qualifier', 'B3');
    set(v, 'FL81.code', bp.taxonomyCode);
  }
  const chunks: (typeof c.serviceLines)[] = [];
  for (let i = 0; i < Math.max(1, c.serviceLines.length); i += SERVICE_LINES_PER_PAGE)
    chunks.push(c.serviceLines.slice(i, i + SERVICE_LINES_PER_PAGE));
  return chunks.map((lines, page) => ({
    header: {
      ...v,
      'FL43.page': `PAGE ${page + 1} OF ${chunks.length}`,
      'FL45.created': mmddyy(extras.createdOn),
      // Line 23 totals only on the last page (NUBC: the total is on the final page).
      ...(page === chunks.length - 1
        ? {
            'FL47.total': dollars(c.totalChargeCents),
            ...(nonCovered(c.serviceLines) ? { 'FL48.total': dollars(nonCovered(c.serviceLines)) } : {}),
          }
        : {}),
    },
    lines: lines.map((l) => {
      const line: Record<string, string> = {};
      set(line, 'FL42', l.revenueCode);
      set(line, 'FL43', l.drug ? `N4${l.drug.code} ${l.drug.unit}${l.drug.quantity}` : undefined);
      set(line, 'FL44', [l.procedure.code, ...l.procedure.modifiers].filter(Boolean).join(' '));
      set(line, 'FL45', mmddyy(l.serviceDate.from || undefined));
      set(line, 'FL46', l.units);
      set(line, 'FL47', dollars(l.chargeCents));
      if (l.nonCoveredChargeCents) set(line, 'FL48', dollars(l.nonCoveredChargeCents));
      return line;
    }),
  }));
}

const nonCovered = (lines: ProfessionalClaim['claim']['serviceLines']) =>
  lines.reduce((s, l) => s + (l.nonCoveredChargeCents ?? 0), 0);

/** FL18–41, FL69–74: the 837I HI codes back in their form locators. */
function codeFields(v: Record<string, string>, model: ProfessionalClaim) {
  const codes = model.claim.healthCareCodes ?? [];
  const of = (...q: string[]) => codes.filter((h) => q.includes(h.qualifier));
  of('BG')
    .slice(0, 11)
    .forEach((h, i) => set(v, `FL${18 + i}`, h.code));
  of('BH')
    .slice(0, 8)
    .forEach((h, i) => {
      const fl = `FL${31 + (i % 4)}${i < 4 ? 'a' : 'b'}`;
      set(v, `${fl}.code`, h.code);
      set(v, `${fl}.date`, mmddyy(h.date?.from));
    });
  of('BI')
    .slice(0, 4)
    .forEach((h, i) => {
      const fl = `FL${35 + (i % 2)}${i < 2 ? 'a' : 'b'}`;
      set(v, `${fl}.code`, h.code);
      set(v, `${fl}.from`, mmddyy(h.date?.from));
      set(v, `${fl}.through`, mmddyy(h.date?.to ?? h.date?.from));
    });
  of('BE')
    .slice(0, 12)
    .forEach((h, i) => {
      const fl = `FL${39 + Math.floor(i / 4)}${'abcd'[i % 4]}`;
      set(v, `${fl}.code`, h.code);
      set(v, `${fl}.amount`, dollars(h.amountCents ?? 0));
    });
  set(v, 'FL69', of('ABJ', 'BJ')[0]?.code);
  of('APR', 'PR')
    .slice(0, 3)
    .forEach((h, i) => set(v, `FL70${'abc'[i]}`, h.code));
  of('ABN', 'BN')
    .slice(0, 3)
    .forEach((h, i) => set(v, `FL72${'abc'[i]}`, h.code));
  of('BBR', 'BR', 'CAH', 'BBQ', 'BQ')
    .slice(0, 6)
    .forEach((h, i) => {
      const fl = `FL74${['', 'a', 'b', 'c', 'd', 'e'][i]}`;
      set(v, `${fl}.code`, h.code);
      set(v, `${fl}.date`, mmddyy(h.date?.from));
    });
}
