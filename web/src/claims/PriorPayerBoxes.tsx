import { Card, Descriptions, Table } from 'antd';
import { Link } from 'react-router-dom';
import type { Claim, Coverage, Payer } from '../api/types.ts';
import { dollars } from '../lists/format.ts';
import { useRecord } from '../lists/useRecord.ts';

type PriorPayer = NonNullable<Claim['cob']>['priorPayers'][number];
type Adjustment = PriorPayer['adjustments'][number];

/** CO-45 $28.00, PR-1 $50.00: group code, CARC and amount, as an EOB shows them. */
const adjustments = (xs: Adjustment[]) =>
  xs.map((a) => `${a.group}-${a.reason} ${dollars(a.amountCents)}`).join(', ') || '—';

/**
 * How a prior payer adjudicated the claim, as this claim sends it (837 loops 2320/2330B/2430;
 * CMS-1500 boxes 9, 11d and 29): what it paid, the adjustments and the patient's share per line.
 */
function PriorPayerBox({ prior }: { prior: PriorPayer }) {
  const coverage = useRecord<Coverage>(`/api/coverages/${prior.coverageId}`).record;
  const payer = useRecord<Payer>(coverage ? `/api/payers/${coverage.payerId}` : undefined).record;
  return (
    <Card
      size="small"
      className="cms-section"
      data-testid="prior-payer"
      title={`${prior.payerResponsibility === 'P' ? 'Primary' : 'Prior'} payer's adjudication (loops 2320, 2430; boxes 9, 11d, 29)`}
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="Payer">{payer?.name ?? '…'}</Descriptions.Item>
        <Descriptions.Item label="Member ID">{coverage?.memberId ?? '…'}</Descriptions.Item>
        <Descriptions.Item label="Claim">
          <Link to={`/claims/${prior.claimId}`}>claim {prior.claimId}</Link>
        </Descriptions.Item>
        <Descriptions.Item label="Adjudicated">{prior.adjudicationDate}</Descriptions.Item>
        <Descriptions.Item label="Paid (AMT*D)">
          <span data-testid="prior-paid">{dollars(prior.paidCents)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="Patient responsibility">
          {dollars(prior.patientResponsibilityCents)}
        </Descriptions.Item>
        {prior.payerClaimNumber && (
          <Descriptions.Item label="Payer's claim number">{prior.payerClaimNumber}</Descriptions.Item>
        )}
        {prior.adjustments.length > 0 && (
          <Descriptions.Item label="Claim adjustments">{adjustments(prior.adjustments)}</Descriptions.Item>
        )}
      </Descriptions>
      {prior.lines.length > 0 && (
        <Table
          size="small"
          pagination={false}
          rowKey="lineNumber"
          dataSource={prior.lines}
          columns={[
            { title: 'Line', dataIndex: 'lineNumber' },
            {
              title: 'Procedure',
              render: (_, l) =>
                l.procedure ? [l.procedure.code, ...l.procedure.modifiers].join(' ') : (l.revenueCode ?? ''),
            },
            { title: 'Units', dataIndex: 'units' },
            { title: 'Paid', align: 'right', render: (_, l) => dollars(l.paidCents) },
            { title: 'Adjustments', render: (_, l) => adjustments(l.adjustments) },
            {
              title: 'Patient share',
              align: 'right',
              render: (_, l) => dollars(l.remainingPatientLiabilityCents),
            },
          ]}
        />
      )}
    </Card>
  );
}

/** The prior payers of a secondary (tertiary) claim, primary first; nothing on a primary claim. */
export function PriorPayerBoxes({ claim }: { claim: Claim }) {
  return (
    <>
      {(claim.cob?.priorPayers ?? []).map((p) => (
        <PriorPayerBox key={`${p.claimId}-${p.coverageId}`} prior={p} />
      ))}
    </>
  );
}
