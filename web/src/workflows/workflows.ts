import type { Role } from '../../../src/auth/roles.ts';

/** Workflows later work fills in: the page says what will be there, and that it is not built yet. */
export interface Workflow {
  path: string;
  label: string;
  roles: Role[];
  description: string;
}

export const WORKFLOWS: Workflow[] = [
  {
    path: '/coding',
    label: 'Coding',
    roles: ['admin', 'manager', 'coder', 'auditor'],
    description:
      'A coding worklist of encounters to code: ICD-10-CM and CPT/HCPCS look-up, NCCI and MUE edits, and coder queries back to the provider.',
  },
  {
    path: '/claims',
    label: 'Claims',
    roles: ['admin', 'manager', 'biller'],
    description:
      'Professional claims (837P) built from coded encounters, checked by the scrubber before they go out.',
  },
  {
    path: '/submissions',
    label: 'Submissions',
    roles: ['admin', 'manager', 'biller'],
    description:
      'Batches of claims sent to the clearinghouse, with 999 and 277CA acknowledgments per batch and per claim.',
  },
  {
    path: '/payments',
    label: 'Payments',
    roles: ['admin', 'manager', 'biller'],
    description:
      'Remittances (835) and patient payments posted to service lines: allowed amounts, adjustments by group code and CARC/RARC.',
  },
  {
    path: '/denials',
    label: 'Denials',
    roles: ['admin', 'manager', 'biller'],
    description:
      'Denied claims and lines grouped by CARC, with the corrected claim or appeal to send and its deadline.',
  },
  {
    path: '/ar',
    label: 'A/R',
    roles: ['admin', 'manager', 'biller', 'auditor'],
    description:
      'Accounts receivable by payer and by patient, aged 0-30, 31-60, 61-90, 91-120 and over 120 days, with timely-filing limits.',
  },
  {
    path: '/reports',
    label: 'Reports',
    roles: ['admin', 'manager', 'auditor'],
    description:
      'Charges, payments, adjustments, days in A/R, clean-claim and denial rates by provider, payer and month.',
  },
  {
    path: '/workforce',
    label: 'Workforce',
    roles: ['admin', 'manager'],
    description:
      'Work queues and assignments for coders and billers, with throughput and backlog per person.',
  },
];
