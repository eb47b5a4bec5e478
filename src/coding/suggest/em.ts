/**
 * Pure: the office E/M level (99202-99205 new, 99211-99215 established) from documented total time
 * or from medical decision making, under the 2021 AMA CPT office E/M guidelines (time ranges) and
 * their 2024 revision (a time threshold met or exceeded). Level by MDM: the highest level at which
 * two of the three elements — problems, data, risk — meet or exceed it. When both are documented
 * the higher level stands, as the guidelines allow either.
 */
export type MdmLevel = 'straightforward' | 'low' | 'moderate' | 'high';
export const MDM_LEVELS: readonly MdmLevel[] = ['straightforward', 'low', 'moderate', 'high'];

export interface MdmElements {
  problems: MdmLevel;
  data: MdmLevel;
  risk: MdmLevel;
}

export interface EmInput {
  newPatient: boolean;
  /** total time on the date of the encounter, minutes */
  totalMinutes?: number;
  mdm?: MdmElements;
  /** a visit that needs no physician or other qualified professional (established only) */
  nurseVisit?: boolean;
  dateOfService: string;
}

export interface EmLevel {
  code: string;
  basis: 'time' | 'mdm' | 'nurse visit';
  reason: string;
}

const CODES = {
  new: ['99202', '99203', '99204', '99205'],
  established: ['99212', '99213', '99214', '99215'],
} as const;

/** Minimum minutes per level (straightforward..high); 2021-2023 also capped each range. */
const MINUTES = { new: [15, 30, 45, 60], established: [10, 20, 30, 40] } as const;

export const GUIDELINES_FROM = '2021-01-01';

export function mdmLevel(e: MdmElements): MdmLevel {
  const rank = (l: MdmLevel) => MDM_LEVELS.indexOf(l);
  const ranks = [rank(e.problems), rank(e.data), rank(e.risk)].sort((a, b) => b - a);
  // two of three: the second highest element sets the level
  return MDM_LEVELS[ranks[1] as number] as MdmLevel;
}

function byTime(kind: 'new' | 'established', minutes: number, dos: string): EmLevel | undefined {
  const mins = MINUTES[kind];
  let level = -1;
  for (let i = 0; i < mins.length; i++) if (minutes >= (mins[i] as number)) level = i;
  if (level < 0) return undefined;
  const code = CODES[kind][level] as string;
  const rule = dos >= '2024-01-01' ? '2024 CPT: time met or exceeded' : '2021 CPT office E/M time ranges';
  const next = mins[level + 1];
  const prolonged = level === 3 ? '; past the highest level, prolonged service time is a separate code' : '';
  return {
    code,
    basis: 'time',
    reason: `${minutes} minutes total time on the date of service, ${kind} patient: ${code} needs ${mins[level]}${
      next ? ` (${next} for the next level)` : ''
    } (${rule})${prolonged}`,
  };
}

function byMdm(kind: 'new' | 'established', e: MdmElements): EmLevel {
  const level = mdmLevel(e);
  const code = CODES[kind][MDM_LEVELS.indexOf(level)] as string;
  return {
    code,
    basis: 'mdm',
    reason: `${level} medical decision making (two of three: problems ${e.problems}, data ${e.data}, risk ${e.risk}), ${kind} patient`,
  };
}

/** Pure: the level to propose, or undefined with nothing documented to support one. */
export function emLevel(input: EmInput): EmLevel | undefined {
  if (input.dateOfService < GUIDELINES_FROM) return undefined;
  const kind = input.newPatient ? 'new' : 'established';
  if (input.nurseVisit && !input.newPatient && !input.mdm && input.totalMinutes === undefined)
    return {
      code: '99211',
      basis: 'nurse visit',
      reason: 'established patient seen without a physician or other qualified professional',
    };
  const time =
    input.totalMinutes !== undefined ? byTime(kind, input.totalMinutes, input.dateOfService) : undefined;
  const mdm = input.mdm ? byMdm(kind, input.mdm) : undefined;
  if (time && mdm) return time.code >= mdm.code ? time : mdm;
  return time ?? mdm;
}

/** Our own short words for the level (CPT descriptors are the AMA's and are not shipped). */
export function emTitle(code: string): string {
  const n = Number(code);
  const kind = n <= 99205 ? 'new' : 'established';
  if (code === '99211') return 'Office visit, established patient, may not require a physician';
  const level = MDM_LEVELS[(n <= 99205 ? n - 99202 : n - 99212) as 0 | 1 | 2 | 3];
  return `Office visit, ${kind} patient, ${level} medical decision making`;
}
