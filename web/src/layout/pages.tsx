import {
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  DollarOutlined,
  ExceptionOutlined,
  FileTextOutlined,
  HomeOutlined,
  IdcardOutlined,
  MailOutlined,
  MedicineBoxOutlined,
  PhoneOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  TagsOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  UserOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { lazy, Suspense, type ReactNode } from 'react';
import { ADMINS, CLINICAL, EVERYONE, MANAGERS, OFFICE, type Role } from '../../../src/auth/roles.ts';
import { AuditLogPage } from '../admin/AuditLogPage.tsx';
import { JobsPage } from '../admin/JobsPage.tsx';
import { UsersPage } from '../admin/UsersPage.tsx';
import { ArPage } from '../ar/ArPage.tsx';
import { ClaimDetailPage } from '../claims/ClaimDetailPage.tsx';
import { ClaimsPage } from '../claims/ClaimsPage.tsx';
import { CodingPage } from '../coding/CodingPage.tsx';
import { QueuePage as CodingQueuePage } from '../coding/QueuePage.tsx';
import { WorkspacePage as CodingWorkspacePage } from '../coding/WorkspacePage.tsx';
import { QueriesPage as CodingQueriesPage } from '../coding/QueriesPage.tsx';
import { CodeSetsPage } from '../codesets/CodeSetsPage.tsx';
import { ChartImportPage } from '../charts/ChartImportPage.tsx';
import { EncounterFormPage } from '../encounters/EncounterFormPage.tsx';
import { EncountersPage } from '../encounters/EncountersPage.tsx';
import { FacilitiesPage } from '../facilities/FacilitiesPage.tsx';
import { FeeSchedulePage } from '../fee-schedule/FeeSchedulePage.tsx';
import { ContractedRatesPage } from '../payers/ContractedRatesPage.tsx';
import { PatientDetailPage } from '../patients/PatientDetailPage.tsx';
import { PatientsPage } from '../patients/PatientsPage.tsx';
import { PayerRulesPage } from '../payer-rules/PayerRulesPage.tsx';
import { PayersPage } from '../payers/PayersPage.tsx';
import { PracticeSettingsPage } from '../practice/PracticeSettingsPage.tsx';
import { ProvidersPage } from '../providers/ProvidersPage.tsx';
import { NotBuiltPage } from '../workflows/NotBuiltPage.tsx';
import { SubmissionsPage } from '../submissions/SubmissionsPage.tsx';
import { SubmitterSettingsPage } from '../submissions/SubmitterSettingsPage.tsx';
import { StatementsPage } from '../statements/StatementsPage.tsx';
import { DenialsPage } from '../denials/DenialsPage.tsx';
import { DenialMappingPage } from '../denials/DenialMappingPage.tsx';
import { EraFilePage } from '../remits/EraFilePage.tsx';
import { EraInboxPage } from '../remits/EraInboxPage.tsx';
import { UnmatchedPage } from '../remits/UnmatchedPage.tsx';
import { ConnectionsPage } from '../clearinghouse/ConnectionsPage.tsx';
import { InboxPage } from '../clearinghouse/InboxPage.tsx';
import { EligibilityPage } from '../eligibility/EligibilityPage.tsx';
import { FollowUpsPage } from '../followups/FollowUpsPage.tsx';
import { WorkQueuesPage } from '../denials/WorkQueuesPage.tsx';
import { PendingWriteOffsPage } from '../denials/PendingWriteOffsPage.tsx';
import { AppealTemplatesPage } from '../denials/appeals/AppealTemplatesPage.tsx';
import { WORKFLOWS } from '../workflows/workflows.ts';
import { PayAssumptionsPage } from '../workforce/PayAssumptionsPage.tsx';

// The dashboard's chart library is large: its page loads on first visit.
const DashboardPage = lazy(() => import('../denials/DashboardPage.tsx'));
const CodingAuditsPage = lazy(() => import('../coding/AuditsPage.tsx'));
const CodingProductivityPage = lazy(() => import('../coding/ProductivityPage.tsx'));
const TeamMarketPage = lazy(() => import('../workforce/TeamPage.tsx'));
const OperatingPage = lazy(() => import('../workforce/OperatingPage.tsx'));
const StaffPage = lazy(() => import('../workforce/StaffPage.tsx'));
const CompPlansPage = lazy(() => import('../workforce/CompPlansPage.tsx'));
const PayoutPage = lazy(() => import('../workforce/PayoutPage.tsx'));

/**
 * Every page, the roles it needs (the same lists the server's routes declare, src/auth/roles.ts)
 * and where it sits in the navigation. Pages without a group are reached from other pages.
 */
export interface PageDef {
  path: string;
  label: string;
  roles: Role[];
  element: ReactNode;
  group?: 'Workflows' | 'Records' | 'Practice setup' | 'Admin';
  icon?: ReactNode;
}

const WORKFLOW_ICONS: Record<string, ReactNode> = {
  '/coding': <TagsOutlined />,
  '/claims': <FileTextOutlined />,
  '/submissions': <CloudUploadOutlined />,
  '/payments': <WalletOutlined />,
  '/denials': <ExceptionOutlined />,
  '/ar': <DollarOutlined />,
  '/reports': <BarChartOutlined />,
  '/workforce': <ScheduleOutlined />,
};

/** Workflows built so far; the rest say what will be there. */
const BUILT: Record<string, ReactNode> = {
  '/coding': <CodingPage />,
  '/claims': <ClaimsPage />,
  '/submissions': <SubmissionsPage />,
  '/ar': <ArPage />,
  '/payments': <EraInboxPage />,
  '/denials': <DenialsPage />,
};
// A claim is opened by the roles that work the claims list.
const claimRoles = WORKFLOWS.find((w) => w.path === '/claims')!.roles;

export const PAGES: PageDef[] = [
  {
    path: '/patients',
    label: 'Patients',
    roles: EVERYONE,
    element: <PatientsPage />,
    group: 'Records',
    icon: <IdcardOutlined />,
  },
  { path: '/patients/:id', label: 'Patient', roles: EVERYONE, element: <PatientDetailPage /> },
  {
    path: '/encounters',
    label: 'Encounters',
    roles: EVERYONE,
    element: <EncountersPage />,
    group: 'Records',
    icon: <CalendarOutlined />,
  },
  {
    path: '/charts/import',
    label: 'Chart import',
    roles: CLINICAL,
    element: <ChartImportPage />,
    group: 'Records',
    icon: <CloudUploadOutlined />,
  },
  { path: '/encounters/new', label: 'New encounter', roles: CLINICAL, element: <EncounterFormPage /> },
  { path: '/encounters/:id', label: 'Encounter', roles: EVERYONE, element: <EncounterFormPage /> },
  ...WORKFLOWS.map((w): PageDef => ({
    path: w.path,
    label: w.label,
    roles: w.roles,
    element: BUILT[w.path] ?? <NotBuiltPage title={w.label} description={w.description} />,
    group: 'Workflows',
    icon: WORKFLOW_ICONS[w.path],
  })),
  { path: '/claims/:id', label: 'Claim', roles: claimRoles, element: <ClaimDetailPage /> },
  {
    path: '/coding/queue',
    label: 'Coding queue',
    roles: ['admin', 'manager', 'coder'],
    element: <CodingQueuePage />,
    group: 'Workflows',
    icon: <ProfileOutlined />,
  },
  {
    path: '/coding/charts/:id',
    label: 'Coding chart',
    roles: ['admin', 'manager', 'coder'],
    element: <CodingWorkspacePage />,
  },
  {
    path: '/coding/queries',
    label: 'Physician queries',
    roles: ['admin', 'manager', 'coder', 'auditor', 'provider'],
    element: <CodingQueriesPage />,
    group: 'Workflows',
    icon: <FileTextOutlined />,
  },
  {
    path: '/coding/audits',
    label: 'Coding audits',
    roles: ['admin', 'manager', 'auditor', 'coder'],
    element: (
      <Suspense fallback={null}>
        <CodingAuditsPage />
      </Suspense>
    ),
    group: 'Workflows',
    icon: <AuditOutlined />,
  },
  {
    path: '/coding/productivity',
    label: 'Coder productivity',
    roles: ['admin', 'manager', 'auditor', 'coder'],
    element: (
      <Suspense fallback={null}>
        <CodingProductivityPage />
      </Suspense>
    ),
    group: 'Workflows',
    icon: <BarChartOutlined />,
  },
  { path: '/payments/eras/:id', label: 'ERA', roles: OFFICE, element: <EraFilePage /> },
  { path: '/payments/unmatched', label: 'Unmatched queue', roles: OFFICE, element: <UnmatchedPage /> },
  {
    path: '/statements',
    label: 'Statements',
    roles: OFFICE,
    element: <StatementsPage />,
    group: 'Workflows',
    icon: <MailOutlined />,
  },
  {
    path: '/providers',
    label: 'Providers',
    roles: EVERYONE,
    element: <ProvidersPage />,
    group: 'Practice setup',
    icon: <MedicineBoxOutlined />,
  },
  {
    path: '/facilities',
    label: 'Facilities',
    roles: EVERYONE,
    element: <FacilitiesPage />,
    group: 'Practice setup',
    icon: <HomeOutlined />,
  },
  {
    path: '/payers',
    label: 'Payers',
    roles: EVERYONE,
    element: <PayersPage />,
    group: 'Practice setup',
    icon: <BankOutlined />,
  },
  {
    path: '/fee-schedule',
    label: 'Fee schedule',
    roles: EVERYONE,
    element: <FeeSchedulePage />,
    group: 'Practice setup',
    icon: <ProfileOutlined />,
  },
  {
    path: '/contracted-rates',
    label: 'Contracted rates',
    roles: EVERYONE,
    element: <ContractedRatesPage />,
    group: 'Practice setup',
    icon: <ProfileOutlined />,
  },
  {
    path: '/eligibility',
    label: 'Eligibility',
    roles: EVERYONE,
    element: <EligibilityPage />,
    group: 'Workflows',
    icon: <SafetyCertificateOutlined />,
  },
  {
    path: '/follow-ups',
    label: 'Follow-ups',
    roles: OFFICE,
    element: <FollowUpsPage />,
    group: 'Workflows',
    icon: <PhoneOutlined />,
  },
  {
    path: '/work-queues',
    label: 'Work queues',
    roles: OFFICE,
    element: <WorkQueuesPage />,
    group: 'Workflows',
    icon: <PhoneOutlined />,
  },
  {
    path: '/write-offs',
    label: 'Write-off approvals',
    roles: MANAGERS,
    element: <PendingWriteOffsPage />,
    group: 'Workflows',
    icon: <AuditOutlined />,
  },
  {
    path: '/denials/dashboard',
    label: 'Denials dashboard',
    roles: OFFICE,
    element: (
      <Suspense fallback={null}>
        <DashboardPage />
      </Suspense>
    ),
    group: 'Workflows',
    icon: <BarChartOutlined />,
  },
  {
    path: '/workforce/staff',
    label: 'Staff and time',
    roles: EVERYONE,
    element: (
      <Suspense fallback={null}>
        <StaffPage />
      </Suspense>
    ),
    group: 'Workflows',
    icon: <TeamOutlined />,
  },
  {
    path: '/workforce/team-market',
    label: 'Pay against the market',
    roles: EVERYONE,
    element: (
      <Suspense fallback={null}>
        <TeamMarketPage />
      </Suspense>
    ),
    group: 'Workflows',
    icon: <TeamOutlined />,
  },
  {
    path: '/workforce/payouts',
    label: 'Payouts',
    roles: EVERYONE,
    element: (
      <Suspense fallback={null}>
        <PayoutPage />
      </Suspense>
    ),
    group: 'Workflows',
    icon: <DollarOutlined />,
  },
  {
    path: '/workforce/compensation-plans',
    label: 'Compensation plans',
    roles: MANAGERS,
    element: (
      <Suspense fallback={null}>
        <CompPlansPage />
      </Suspense>
    ),
    group: 'Practice setup',
    icon: <DollarOutlined />,
  },
  {
    path: '/workforce/operating',
    label: 'Operating figures',
    roles: MANAGERS,
    element: (
      <Suspense fallback={null}>
        <OperatingPage />
      </Suspense>
    ),
    group: 'Workflows',
    icon: <BarChartOutlined />,
  },
  {
    path: '/denial-mapping',
    label: 'Denial mapping',
    roles: MANAGERS,
    element: <DenialMappingPage />,
    group: 'Practice setup',
    icon: <ProfileOutlined />,
  },
  {
    path: '/appeal-templates',
    label: 'Appeal templates',
    roles: OFFICE,
    element: <AppealTemplatesPage />,
    group: 'Practice setup',
    icon: <ProfileOutlined />,
  },
  {
    path: '/inbox',
    label: 'Inbox',
    roles: OFFICE,
    element: <InboxPage />,
    group: 'Workflows',
    icon: <MailOutlined />,
  },
  {
    path: '/connections',
    label: 'Connections',
    roles: ADMINS,
    element: <ConnectionsPage />,
    group: 'Practice setup',
    icon: <CloudUploadOutlined />,
  },
  {
    path: '/submitter-settings',
    label: 'Clearinghouse',
    roles: EVERYONE,
    element: <SubmitterSettingsPage />,
    group: 'Practice setup',
    icon: <CloudUploadOutlined />,
  },
  {
    path: '/payer-rules',
    label: 'Payer rules',
    roles: EVERYONE,
    element: <PayerRulesPage />,
    group: 'Practice setup',
    icon: <SafetyCertificateOutlined />,
  },
  {
    path: '/practice',
    label: 'Practice settings',
    roles: MANAGERS,
    element: <PracticeSettingsPage />,
    group: 'Practice setup',
    icon: <SettingOutlined />,
  },
  {
    path: '/admin/users',
    label: 'Users',
    roles: ADMINS,
    element: <UsersPage />,
    group: 'Admin',
    icon: <TeamOutlined />,
  },
  {
    path: '/admin/audit',
    label: 'Audit log',
    roles: MANAGERS,
    element: <AuditLogPage />,
    group: 'Admin',
    icon: <AuditOutlined />,
  },
  {
    path: '/admin/codesets',
    label: 'Code sets',
    roles: EVERYONE,
    element: <CodeSetsPage />,
    group: 'Admin',
    icon: <BookOutlined />,
  },
  {
    path: '/admin/pay-assumptions',
    label: 'Pay assumptions',
    roles: ADMINS,
    element: <PayAssumptionsPage />,
    group: 'Admin',
    icon: <DollarOutlined />,
  },
  {
    path: '/admin/jobs',
    label: 'Jobs',
    roles: EVERYONE,
    element: <JobsPage />,
    group: 'Admin',
    icon: <ThunderboltOutlined />,
  },
];

export const GROUP_ICONS: Record<NonNullable<PageDef['group']>, ReactNode> = {
  Workflows: <FileTextOutlined />,
  Records: <UserOutlined />,
  'Practice setup': <SettingOutlined />,
  Admin: <AuditOutlined />,
};
