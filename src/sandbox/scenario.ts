// The sandbox scenario: what the pretend payers pay and deny, as data a user edits (JSON). Read with
// checks that name the JSON pointer of every bad value, so a typo says where it is.
import { sandboxProblem, type SandboxProblem } from './problems.ts';

/** A member's benefits for the plan year; amounts in cents, percents whole numbers. */
export interface Benefits {
  deductibleCents: number;
  /** Deductible already met this plan year when the sandbox starts. */
  deductibleMetCents: number;
  /** Patient's coinsurance share of the allowed amount after deductible (20 = 20%). */
  coinsurancePercent: number;
  /** Copay per service type (names from `serviceTypes`), charged once per claim and type. */
  copays: Record<string, number>;
  outOfPocketMaxCents: number;
  outOfPocketMetCents: number;
}

export interface MemberRule extends Partial<Benefits> {
  /** Coverage ends after this date (YYYY-MM-DD): later services deny CO-27. */
  coverageEnds?: string;
  /** Another plan is primary: claims sent here as primary deny CO-22. */
  otherCoveragePrimary?: boolean;
}

export interface PayerRule {
  name: string;
  /** Allowed amount per procedure code per unit; codes not listed allow `defaultAllowedPercent` of the charge. */
  feeSchedule: Record<string, number>;
  defaultAllowedPercent: number;
  timelyFilingDays: number;
  /** Procedure codes the plan does not cover (CO-96). */
  nonCovered: string[];
  /** Procedure codes that need a prior authorization on the claim (CO-197). */
  priorAuthorizationRequired: string[];
  /** NCCI pairs: `code` billed with `column1` on the same date is bundled into it (CO-97). */
  bundles: { code: string; column1: string }[];
  /** Procedure codes paid only for these diagnoses (CO-50 with RARC N386 otherwise). */
  medicalNecessity: { code: string; diagnoses: string[] }[];
  /** Reject claims without a rendering provider NPI (277CA A7:562, entity 82). */
  requireRenderingNpi: boolean;
  /** Procedure codes this payer denies with a CARC (group CO) and a remark, whatever the claim: a modifier it wants, missing information, a capitation. */
  lineDenials: { code: string; reason: string; remark?: string }[];
}

export interface Scenario {
  /** Seconds between the 277CA and the 835 of an accepted claim. */
  adjudicationDelaySeconds: number;
  /** Service types for copays: name → procedure codes (a trailing * matches a prefix). */
  serviceTypes: Record<string, string[]>;
  /** Benefits of members not listed in `members`. */
  defaultBenefits: Benefits;
  /**
   * Share of claims, in percent, whose member the payer's records show as no longer covered (CO-27)
   * or as having another plan primary (CO-22), as when a practice's eligibility is out of date. Which
   * claims is drawn from the seed and the patient control number, so a rerun denies the same ones.
   */
  coverageTerminatedPercent: number;
  otherCoveragePrimaryPercent: number;
  /** Member ids no payer knows (277CA A3:33, rejected up front). */
  unknownMembers: string[];
  /** Diagnosis codes a payer refuses as invalid or not billable (277CA A7:255). */
  invalidDiagnoses: string[];
  /** Payers by payer id (2010BB NM109); claims to a payer not listed get `defaultPayer`. */
  payers: Record<string, PayerRule>;
  defaultPayer: PayerRule;
  /** Members by member id (2010BA NM109). */
  members: Record<string, MemberRule>;
}

/** A bad value: `field` is its JSON pointer, e.g. /payers/DEMO-BCBS/feeSchedule/99213. */
export type ScenarioProblem = SandboxProblem;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The JSON pointer (RFC 6901) of a value under `pointer`: '' is the whole scenario. */
const at = (pointer: string, ...keys: (string | number)[]) =>
  pointer + keys.map((k) => `/${String(k).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

class Checker {
  problems: ScenarioProblem[] = [];
  bad(where: string, message: string): void {
    this.problems.push(sandboxProblem('SANDBOX_SCENARIO_INVALID', message, { field: where }));
  }
  cents(v: unknown, where: string, fallback: number): number {
    if (v === undefined) return fallback;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
    this.bad(where, `must be whole cents (a non-negative integer), not ${JSON.stringify(v)}`);
    return fallback;
  }
  percent(v: unknown, where: string, fallback: number): number {
    if (v === undefined) return fallback;
    if (typeof v === 'number' && v >= 0 && v <= 100) return v;
    this.bad(where, `must be a percent from 0 to 100, not ${JSON.stringify(v)}`);
    return fallback;
  }
  strings(v: unknown, where: string): string[] {
    if (v === undefined) return [];
    if (Array.isArray(v) && v.every((s) => typeof s === 'string')) return v as string[];
    this.bad(where, 'must be a list of strings');
    return [];
  }
  centsMap(v: unknown, where: string): Record<string, number> {
    if (v === undefined) return {};
    if (!isObj(v)) {
      this.bad(where, 'must be an object of code → cents');
      return {};
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.cents(x, at(where, k), 0)]));
  }
  obj(v: unknown, where: string): Obj {
    if (v === undefined) return {};
    if (isObj(v)) return v;
    this.bad(where, 'must be an object');
    return {};
  }
  unknownKeys(o: Obj, known: string[], where: string): void {
    for (const k of Object.keys(o))
      if (!known.includes(k))
        this.bad(at(where, k), `is not a scenario setting (expected one of ${known.join(', ')})`);
  }
}

const BENEFIT_KEYS = [
  'deductibleCents',
  'deductibleMetCents',
  'coinsurancePercent',
  'copays',
  'outOfPocketMaxCents',
  'outOfPocketMetCents',
];

function benefits(c: Checker, o: Obj, where: string, base: Benefits): Benefits {
  return {
    deductibleCents: c.cents(o.deductibleCents, at(where, 'deductibleCents'), base.deductibleCents),
    deductibleMetCents: c.cents(
      o.deductibleMetCents,
      at(where, 'deductibleMetCents'),
      base.deductibleMetCents,
    ),
    coinsurancePercent: c.percent(
      o.coinsurancePercent,
      at(where, 'coinsurancePercent'),
      base.coinsurancePercent,
    ),
    copays: o.copays === undefined ? base.copays : c.centsMap(o.copays, at(where, 'copays')),
    outOfPocketMaxCents: c.cents(
      o.outOfPocketMaxCents,
      at(where, 'outOfPocketMaxCents'),
      base.outOfPocketMaxCents,
    ),
    outOfPocketMetCents: c.cents(
      o.outOfPocketMetCents,
      at(where, 'outOfPocketMetCents'),
      base.outOfPocketMetCents,
    ),
  };
}

const PAYER_KEYS = [
  'name',
  'feeSchedule',
  'defaultAllowedPercent',
  'timelyFilingDays',
  'nonCovered',
  'priorAuthorizationRequired',
  'bundles',
  'medicalNecessity',
  'requireRenderingNpi',
  'lineDenials',
];

function payer(c: Checker, v: unknown, where: string): PayerRule {
  const o = c.obj(v, where);
  c.unknownKeys(o, PAYER_KEYS, where);
  const pairs = (key: string, fields: [string, 'string' | 'strings'][]) => {
    const list = o[key] === undefined ? [] : Array.isArray(o[key]) ? (o[key] as unknown[]) : [];
    if (o[key] !== undefined && !Array.isArray(o[key])) c.bad(at(where, key), 'must be a list');
    return list.map((x, i) => {
      const item = c.obj(x, at(where, key, i));
      for (const [f, kind] of fields) {
        const ok = kind === 'string' ? typeof item[f] === 'string' : Array.isArray(item[f]);
        if (!ok)
          c.bad(at(where, key, i, f), `is required (${kind === 'string' ? 'a code' : 'a list of codes'})`);
      }
      return item;
    });
  };
  const days = o.timelyFilingDays;
  if (days !== undefined && !(typeof days === 'number' && Number.isInteger(days) && days > 0))
    c.bad(at(where, 'timelyFilingDays'), 'must be a positive whole number of days');
  return {
    name: typeof o.name === 'string' ? o.name : 'SANDBOX PAYER',
    feeSchedule: c.centsMap(o.feeSchedule, at(where, 'feeSchedule')),
    defaultAllowedPercent: c.percent(o.defaultAllowedPercent, at(where, 'defaultAllowedPercent'), 70),
    timelyFilingDays: typeof days === 'number' && days > 0 ? days : 365,
    nonCovered: c.strings(o.nonCovered, at(where, 'nonCovered')),
    priorAuthorizationRequired: c.strings(
      o.priorAuthorizationRequired,
      at(where, 'priorAuthorizationRequired'),
    ),
    bundles: pairs('bundles', [
      ['code', 'string'],
      ['column1', 'string'],
    ]) as unknown as PayerRule['bundles'],
    medicalNecessity: pairs('medicalNecessity', [
      ['code', 'string'],
      ['diagnoses', 'strings'],
    ]) as unknown as PayerRule['medicalNecessity'],
    requireRenderingNpi: o.requireRenderingNpi === true,
    lineDenials: pairs('lineDenials', [
      ['code', 'string'],
      ['reason', 'string'],
    ]) as unknown as PayerRule['lineDenials'],
  };
}

const NO_BENEFITS: Benefits = {
  deductibleCents: 0,
  deductibleMetCents: 0,
  coinsurancePercent: 0,
  copays: {},
  outOfPocketMaxCents: 0,
  outOfPocketMetCents: 0,
};

const SCENARIO_KEYS = [
  '$schema',
  'description',
  'adjudicationDelaySeconds',
  'serviceTypes',
  'defaultBenefits',
  'coverageTerminatedPercent',
  'otherCoveragePrimaryPercent',
  'unknownMembers',
  'invalidDiagnoses',
  'payers',
  'defaultPayer',
  'members',
];

/** Reads a scenario (parsed JSON); every problem has the JSON pointer of the value it is about (`field`). */
export function readScenario(json: unknown): { scenario: Scenario; problems: ScenarioProblem[] } {
  const c = new Checker();
  const o = isObj(json) ? json : (c.bad('', 'a scenario is a JSON object'), {});
  c.unknownKeys(o, SCENARIO_KEYS, '');
  const delay = o.adjudicationDelaySeconds;
  if (delay !== undefined && !(typeof delay === 'number' && delay >= 0))
    c.bad('/adjudicationDelaySeconds', 'must be a number of seconds, 0 or more');
  const types = c.obj(o.serviceTypes, '/serviceTypes');
  const members = c.obj(o.members, '/members');
  const payers = c.obj(o.payers, '/payers');
  const defaults = benefits(c, c.obj(o.defaultBenefits, '/defaultBenefits'), '/defaultBenefits', NO_BENEFITS);
  const scenario: Scenario = {
    adjudicationDelaySeconds: typeof delay === 'number' && delay >= 0 ? delay : 0,
    serviceTypes: Object.fromEntries(
      Object.entries(types).map(([k, v]) => [k, c.strings(v, at('', 'serviceTypes', k))]),
    ),
    defaultBenefits: defaults,
    coverageTerminatedPercent: c.percent(o.coverageTerminatedPercent, '/coverageTerminatedPercent', 0),
    otherCoveragePrimaryPercent: c.percent(o.otherCoveragePrimaryPercent, '/otherCoveragePrimaryPercent', 0),
    unknownMembers: c.strings(o.unknownMembers, '/unknownMembers'),
    invalidDiagnoses: c.strings(o.invalidDiagnoses, '/invalidDiagnoses'),
    payers: Object.fromEntries(Object.entries(payers).map(([k, v]) => [k, payer(c, v, at('', 'payers', k))])),
    defaultPayer: payer(c, o.defaultPayer, '/defaultPayer'),
    members: Object.fromEntries(
      Object.entries(members).map(([id, v]) => {
        const where = at('', 'members', id);
        const m = c.obj(v, where);
        c.unknownKeys(m, [...BENEFIT_KEYS, 'coverageEnds', 'otherCoveragePrimary'], where);
        const rule: MemberRule = benefits(c, m, where, defaults);
        if (m.coverageEnds !== undefined) {
          if (typeof m.coverageEnds === 'string' && DATE.test(m.coverageEnds))
            rule.coverageEnds = m.coverageEnds;
          else c.bad(at(where, 'coverageEnds'), 'must be a date YYYY-MM-DD');
        }
        if (m.otherCoveragePrimary === true) rule.otherCoveragePrimary = true;
        return [id, rule];
      }),
    ),
  };
  for (const [id, m] of Object.entries(members))
    for (const t of Object.keys(isObj(m) && isObj(m.copays) ? m.copays : {}))
      if (!(t in scenario.serviceTypes))
        c.bad(at('', 'members', id, 'copays', t), `names no service type in serviceTypes`);
  for (const t of Object.keys(defaults.copays))
    if (!(t in scenario.serviceTypes))
      c.bad(at('', 'defaultBenefits', 'copays', t), `names no service type in serviceTypes`);
  return { scenario, problems: c.problems };
}

/** The service types a procedure code falls in (a trailing * in the scenario matches a prefix). */
export function serviceTypesOf(s: Scenario, code: string): string[] {
  return Object.entries(s.serviceTypes)
    .filter(([, codes]) =>
      codes.some((p) => (p.endsWith('*') ? code.startsWith(p.slice(0, -1)) : p === code)),
    )
    .map(([name]) => name);
}
