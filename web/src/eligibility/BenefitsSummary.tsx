import { Alert, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import type {
  AmountAndRemaining,
  ByNetwork,
  CostShare,
  EligibilitySummary,
} from '../../../src/x12/eligibility-summary.ts';
import { dollars, timestamp } from '../lists/format.ts';
import { serviceTypeLabel, STATUS_COLORS, type CheckView } from './types.ts';

const STATUS_WORDS: Record<string, string> = {
  active: 'Active',
  inactive: 'Inactive',
  rejected: 'Rejected',
  unknown: 'Unknown',
};

/** What is left to meet: the payer's remaining amount, else the amount less what is met. */
function left(a: AmountAndRemaining | undefined): number | undefined {
  if (!a) return undefined;
  if (a.remainingCents !== undefined) return a.remainingCents;
  if (a.amountCents !== undefined && a.metCents !== undefined) return Math.max(0, a.amountCents - a.metCents);
  return undefined;
}

// In network first: the front desk quotes in-network benefits; "unspecified" when the payer did not say.
const inNetwork = (b: ByNetwork) => b.inNetwork ?? b.unspecified;

function accumulator(b: ByNetwork): string {
  const a = inNetwork(b);
  const remaining = left(a);
  if (remaining === undefined && a?.amountCents === undefined) return '—';
  const parts = [remaining !== undefined ? `${dollars(remaining)} left` : undefined];
  if (a?.amountCents !== undefined) parts.push(`of ${dollars(a.amountCents)}`);
  return parts.filter(Boolean).join(' ');
}

/** The copay or coinsurance for the visit's service type: in network first, then any network. */
function shareFor(shares: CostShare[], serviceTypes: string[]): CostShare | undefined {
  const wanted = [...serviceTypes, '98', '30'];
  for (const st of wanted) {
    const matching = shares.filter((s) => s.serviceTypes.includes(st));
    const found =
      matching.find((s) => s.network === 'inNetwork') ??
      matching.find((s) => s.network === 'unspecified') ??
      matching[0];
    if (found) return found;
  }
  return shares.find((s) => s.serviceTypes.length === 0 && s.network !== 'outOfNetwork');
}

function copayText(s: EligibilitySummary, serviceTypes: string[]): string {
  const c = shareFor(s.copays, serviceTypes);
  if (!c || c.amountCents === undefined) return s.copays.length ? 'see the list below' : 'none reported';
  return `${dollars(c.amountCents)} (${c.serviceTypes.map(serviceTypeLabel).join(', ') || 'all services'})`;
}

function coinsuranceText(s: EligibilitySummary, serviceTypes: string[]): string {
  const c = shareFor(s.coinsurance, serviceTypes);
  return c?.percent !== undefined ? `${c.percent}%` : 'none reported';
}

function dates(s: EligibilitySummary): string {
  const begins = s.coverage.begins ?? s.coverage.planBegins;
  const ends = s.coverage.ends ?? s.coverage.planEnds;
  if (!begins && !ends) return 'not given';
  return `${begins ?? '…'} to ${ends ?? 'open'}`;
}

/**
 * Everything a front desk acts on, each said once: the check's warnings (coverage ending before the
 * date of service, authorization, another payer) and any the 271's summary adds.
 */
export function warningsOf(check: CheckView): string[] {
  return [...new Set([...check.warnings, ...(check.summary?.warnings ?? [])])];
}

/** The status tag: Active, Inactive, Rejected, or where the check stands while no answer came. */
export function StatusTag({ check }: { check: CheckView }) {
  const status = check.summary?.status ?? check.status;
  if (status && STATUS_WORDS[status]) return <Tag color={STATUS_COLORS[status]}>{STATUS_WORDS[status]}</Tag>;
  if (check.failure) return <Tag color="error">failed</Tag>;
  return <Tag color="processing">{check.state}</Tag>;
}

/** One 271 as a front desk reads it in seconds. */
export function BenefitsSummary({ check }: { check: CheckView }) {
  const s = check.summary;
  const warnings = warningsOf(check);
  return (
    <Flex vertical gap="small" data-testid="benefits-summary">
      <Space wrap>
        <StatusTag check={check} />
        {s && <Typography.Text strong>{s.statusText}</Typography.Text>}
        <Typography.Text type="secondary">
          {check.payerName ?? s?.payer.name} · member {check.memberId ?? s?.patient.memberId ?? '—'} · date of
          service {check.dateOfService}
        </Typography.Text>
      </Space>
      {check.failure && <Alert type="error" showIcon title={check.failure} />}
      {!s && !check.failure && (
        <Alert
          type="info"
          showIcon
          title="Waiting for the payer's answer (271): it is read in when the clearinghouse returns it."
        />
      )}
      {s?.rejections.map((r, i) => (
        <Alert
          key={`r${i}`}
          type="error"
          showIcon
          title={`Rejected (${r.code}): ${r.says}`}
          description={`${r.todo}${r.followUp ? ` Payer says: ${r.followUp}.` : ''}`}
          data-testid="eligibility-rejection"
        />
      ))}
      {warnings.map((w) => (
        <Alert key={w} type="warning" showIcon title={w} data-testid="eligibility-warning" />
      ))}
      {s && s.status !== 'rejected' && (
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label="Plan">
            {[s.planName, s.insuranceType].filter(Boolean).join(' · ') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="Group">
            {[s.groupNumber, s.groupName].filter(Boolean).join(' ') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="Coverage">{dates(s)}</Descriptions.Item>
          <Descriptions.Item label="Copay this visit">
            <span data-testid="copay">{copayText(s, check.serviceTypes)}</span>
          </Descriptions.Item>
          <Descriptions.Item label="Coinsurance">{coinsuranceText(s, check.serviceTypes)}</Descriptions.Item>
          <Descriptions.Item label="Estimated patient share">
            {check.estimate ? (
              <span>
                <Typography.Text strong data-testid="estimate">
                  {dollars(check.estimate.totalCents)}
                </Typography.Text>{' '}
                <Typography.Text type="secondary">
                  (copay {dollars(check.estimate.copayCents)}, deductible{' '}
                  {dollars(check.estimate.deductibleCents)}, coinsurance{' '}
                  {dollars(check.estimate.coinsuranceCents)})
                </Typography.Text>
              </span>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label="Deductible (individual)">
            <span data-testid="deductible-individual">{accumulator(s.deductible.individual)}</span>
          </Descriptions.Item>
          <Descriptions.Item label="Deductible (family)">
            {accumulator(s.deductible.family)}
          </Descriptions.Item>
          <Descriptions.Item label="Subscriber">
            {[s.subscriber.firstName, s.subscriber.lastName].filter(Boolean).join(' ')}
            {s.isDependent ? ' (patient is a dependent)' : ''}
          </Descriptions.Item>
          <Descriptions.Item label="Out-of-pocket (individual)">
            {accumulator(s.outOfPocket.individual)}
          </Descriptions.Item>
          <Descriptions.Item label="Out-of-pocket (family)">
            {accumulator(s.outOfPocket.family)}
          </Descriptions.Item>
          <Descriptions.Item label="Primary care provider">
            {s.primaryCareProvider?.name ?? '—'}
          </Descriptions.Item>
        </Descriptions>
      )}
      {s && s.copays.length + s.coinsurance.length > 1 && (
        <Typography.Text type="secondary">
          Cost shares:{' '}
          {[...s.copays, ...s.coinsurance]
            .map(
              (c) =>
                `${c.serviceTypes.map(serviceTypeLabel).join(', ') || 'all services'} ${
                  c.amountCents !== undefined ? dollars(c.amountCents) : `${c.percent}%`
                }${c.network === 'outOfNetwork' ? ' out of network' : ''}`,
            )
            .join(' · ')}
        </Typography.Text>
      )}
      {s?.messages.length ? (
        <Typography.Text type="secondary">Payer's messages: {s.messages.join(' · ')}</Typography.Text>
      ) : null}
      {s?.unknownCodes.length ? (
        <Space wrap>
          <Typography.Text type="secondary">Codes without words:</Typography.Text>
          {s.unknownCodes.map((c) => (
            <Tag key={c}>{c}</Tag>
          ))}
        </Space>
      ) : null}
      <Typography.Text type="secondary" className="history-meta">
        Asked {timestamp(check.askedAt)} by {check.askedByEmail ?? 'the system'} ({check.how})
        {check.answeredAt ? `, answered ${timestamp(check.answeredAt)}` : ''}
      </Typography.Text>
    </Flex>
  );
}
