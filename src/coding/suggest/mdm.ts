/**
 * Pure: what an office note documents for the E/M level — total time, new or established,
 * and the three MDM elements (2021 AMA table of medical decision making) — read from its wording,
 * with the words each finding rests on. Heuristic: a coder confirms the level.
 */
import type { Evidence } from './types.ts';
import type { MdmElements, MdmLevel } from './em.ts';

export interface EmFindings {
  newPatient: boolean;
  newPatientStated: boolean;
  totalMinutes?: number;
  nurseVisit: boolean;
  preventive: boolean;
  mdm: MdmElements;
  evidence: Evidence[];
  /** the counts behind each element, in words */
  notes: string[];
}

const TIME = [
  /total (?:time|visit time|encounter time)[^.\n]{0,40}?\b(\d{1,3})\s*(?:minutes|mins?)\b/i,
  /\bspent (?:a total of |over |more than )?(\d{1,3})\s*(?:minutes|mins?)\b/i,
  /\b(\d{1,3})\s*(?:minutes|mins?) (?:of )?total time\b/i,
];

const TESTS: readonly [string, RegExp][] = [
  ['CBC', /\bcbc\b|complete blood count/i],
  ['metabolic panel', /\b(?:bmp|cmp)\b|metabolic panel/i],
  ['A1c', /\b(?:hemoglobin |hb)?a1c\b/i],
  ['lipid panel', /\blipid (?:panel|profile)\b/i],
  ['TSH', /\btsh\b|thyroid panel/i],
  ['urinalysis', /\burinalysis\b|\bua\b|urine dip/i],
  ['urine culture', /\burine culture\b/i],
  ['x-ray', /\bx-?rays?\b|\bradiograph/i],
  ['ECG', /\b(?:ekg|ecg|electrocardiogram)\b/i],
  ['CT', /\bct(?: scan)?\b/i],
  ['MRI', /\bmri\b/i],
  ['ultrasound', /\bultrasound\b|\bechocardiogram\b|\becho\b/i],
  ['strep test', /\b(?:rapid )?strep (?:test|swab)\b/i],
  ['influenza/COVID test', /\b(?:flu|influenza|covid(?:-19)?) (?:test|swab|pcr)\b/i],
  ['PSA', /\bpsa\b/i],
  ['vitamin D level', /\bvitamin d level\b/i],
  ['INR', /\b(?:pt\/)?inr\b/i],
  ['outside records', /\b(?:outside|external|prior) (?:records|notes)\b/i],
];

const HISTORIAN =
  /\bindependent historian\b|\bhistory (?:obtained|provided|given) by (?:the )?(?:mother|father|parent|caregiver|daughter|son|spouse|wife|husband)\b/i;
const INTERPRETATION =
  /\bindependent(?:ly)? interpret|\bmy (?:own )?(?:interpretation|read) of\b|\bi (?:personally )?(?:reviewed|interpreted) the (?:images|tracing|films?)\b/i;
const DISCUSSION =
  /\bdiscussed (?:the case )?with (?:dr\.?|the (?:cardiologist|surgeon|specialist)|cardiology|nephrology|oncology|orthopedics)|\bspoke with dr\b/i;

const PROBLEM_HIGH = /\bsevere exacerbation\b|\bthreat to life\b|\blife[- ]threatening\b/i;
const PROBLEM_WORSE =
  /\b(?:exacerbation|worsening|progression|uncontrolled|poorly controlled|not (?:well )?controlled|not at goal|side effects?)\b/i;
const PROBLEM_UNCERTAIN =
  /\bundiagnosed new problem\b|\buncertain prognosis\b|\bsystemic symptoms\b|\bacute complicated injury\b/i;
const SELF_LIMITED = /\bself[- ]limit(?:ed|ing)\b|\bminor problem\b/i;

const RISK_HIGH =
  /\b(?:admit(?:ted)? to (?:the )?hospital|decision (?:regarding|for) hospitali[sz]ation|hospitali[sz]ation|intensive monitoring for toxicity|emergency (?:major )?surgery|do not resuscitate|\bdnr\b)/i;
const RISK_RX =
  /\b(?:prescribed|prescription|prescribe|started (?:on )?|start (?:on )?|increase(?:d)? (?:the )?(?:dose|to)|decrease(?:d)? (?:the )?(?:dose|to)|titrat(?:e|ed|ing)|refill(?:ed)?|continue (?:on )?[a-z]+ \d+(?:\.\d+)? ?mg|rx)\b/i;
/** A dose given for a drug that is not over the counter ("metformin 1000 mg"). */
const RISK_DOSE =
  /\b(?!ibuprofen|acetaminophen|tylenol|advil|motrin|aleve|naproxen|loratadine|cetirizine)[a-z]{4,} (?:to )?\d+(?:\.\d+)? ?(?:mg|mcg|units)\b/i;
const RISK_SDOH = /\bsocial determinants of health\b|\bcannot afford\b|\bhousing insecurity\b/i;
const RISK_OTC =
  /\bover[- ]the[- ]counter\b|\botc\b|\bibuprofen\b|\bacetaminophen\b|\btylenol\b|\badvil\b|\bsupportive care\b|\brest,? ice\b|\bfluids\b/i;

function ev(text: string, re: RegExp): Evidence | undefined {
  const m = re.exec(text);
  if (!m) return undefined;
  return { start: m.index, end: m.index + m[0].length, text: m[0] };
}

/**
 * Pure. chronicCount and acuteCount: the diagnoses the note documents as current (chronic ones
 * per CHRONIC_PREFIXES, every other one acute).
 */
export function readEmFindings(text: string, chronicCount: number, acuteCount: number): EmFindings {
  const evidence: Evidence[] = [];
  const notes: string[] = [];
  const keep = (e: Evidence | undefined) => {
    if (e) evidence.push(e);
    return e !== undefined;
  };

  let totalMinutes: number | undefined;
  for (const re of TIME) {
    const m = re.exec(text);
    if (!m) continue;
    totalMinutes = Number(m[1]);
    keep({ start: m.index, end: m.index + m[0].length, text: m[0] });
    break;
  }
  const newStated = ev(text, /\bnew patient\b/i);
  const estStated = ev(
    text,
    /\bestablished patient\b|\bfollow[- ]up\b|\breturns? (?:today |here )?(?:for|with)\b/i,
  );
  const newPatient = keep(newStated) || false;
  if (!newPatient) keep(estStated);

  // problems
  let problems: MdmLevel = 'straightforward';
  const worse = chronicCount > 0 && PROBLEM_WORSE.test(text);
  if (keep(ev(text, PROBLEM_HIGH))) problems = 'high';
  else if (worse || chronicCount >= 2 || (acuteCount > 0 && keep(ev(text, PROBLEM_UNCERTAIN)))) {
    problems = 'moderate';
    if (worse) keep(ev(text, PROBLEM_WORSE));
  } else if (chronicCount === 1 || (acuteCount > 0 && !SELF_LIMITED.test(text)) || acuteCount >= 2)
    problems = 'low';
  notes.push(
    `problems: ${chronicCount} chronic, ${acuteCount} acute${worse ? ', one not at goal or worse' : ''}`,
  );

  // data: category 1 (tests, documents, historian), 2 (independent interpretation), 3 (discussion)
  const tests = TESTS.filter(([, re]) => keep(ev(text, re))).map(([name]) => name);
  const historian = keep(ev(text, HISTORIAN));
  const cat1 = tests.length + (historian ? 1 : 0);
  const cat2 = keep(ev(text, INTERPRETATION));
  const cat3 = keep(ev(text, DISCUSSION));
  const categories = (cat1 >= 3 ? 1 : 0) + (cat2 ? 1 : 0) + (cat3 ? 1 : 0);
  const data: MdmLevel =
    categories >= 2
      ? 'high'
      : categories === 1
        ? 'moderate'
        : tests.length >= 2 || historian
          ? 'low'
          : 'straightforward';
  notes.push(
    `data: ${tests.length ? tests.join(', ') : 'no tests'}${historian ? ', independent historian' : ''}${cat2 ? ', independent interpretation' : ''}${cat3 ? ', discussion with another physician' : ''}`,
  );

  // risk of the management chosen
  let risk: MdmLevel = 'straightforward';
  if (keep(ev(text, RISK_HIGH))) risk = 'high';
  else if (keep(ev(text, RISK_RX)) || keep(ev(text, RISK_DOSE)) || keep(ev(text, RISK_SDOH)))
    risk = 'moderate';
  else if (keep(ev(text, RISK_OTC))) risk = 'low';
  notes.push(
    `risk: ${risk === 'moderate' ? 'prescription drug management' : risk === 'low' ? 'over-the-counter treatment' : risk === 'high' ? 'hospitalization or drug needing intensive monitoring' : 'minimal'}`,
  );

  return {
    newPatient,
    newPatientStated: newStated !== undefined || estStated !== undefined,
    ...(totalMinutes !== undefined ? { totalMinutes } : {}),
    nurseVisit: /\bnurse visit\b|\b(?:bp|blood pressure) check\b/i.test(text),
    preventive:
      /\bannual (?:physical|wellness)\b|\bpreventive\b|\bwell[- ](?:child|woman|visit)\b|\broutine physical\b/i.test(
        text,
      ),
    mdm: { problems, data, risk },
    evidence: evidence.sort((a, b) => a.start - b.start),
    notes,
  };
}
