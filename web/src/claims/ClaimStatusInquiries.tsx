import { Card, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { STATUS_CATEGORIES } from '../../../src/x12/status-codes.ts';
import { api } from '../api/client.ts';
import { dollars, timestamp } from '../lists/format.ts';

interface StatusLine {
  categoryCode: string;
  statusCode: string;
  entityCode?: string | null;
  says: string;
  action?: string | null;
  amountCents?: number | null;
  paidCents?: number | null;
  payerClaimNumber?: string | null;
  checkNumber?: string | null;
  paidDate?: string | null;
  date?: string | null;
  /** The service line (SVC01) of a line-level status. */
  line?: string | null;
}

interface StatusInquiry {
  id: number;
  askedAt: string;
  state: string;
  answeredAt: string | null;
  category: string | null;
  statuses: StatusLine[];
}

// Red when the payer's answer needs a biller (the server says what to do); else by STC01-1 family:
// F finalized, P pending, A acknowledged.
function color(s: Pick<StatusLine, 'categoryCode' | 'action'>): 'red' | 'green' | 'gold' | 'blue' {
  if (s.action) return 'red';
  if (s.categoryCode.startsWith('F')) return 'green';
  if (s.categoryCode.startsWith('P')) return 'gold';
  return 'blue';
}

/** What the payer said when asked where the claim stands (276/277), newest first; nothing when never asked. */
export function ClaimStatusInquiries({ claimId, version }: { claimId: number; version?: unknown }) {
  const [items, setItems] = useState<StatusInquiry[]>([]);
  useEffect(() => {
    api.get<{ items: StatusInquiry[] }>(`/api/claims/${claimId}/status-inquiries`).then(
      (r) => setItems(r.items),
      () => setItems([]),
    );
  }, [claimId, version]);
  if (items.length === 0) return null;
  return (
    <Card size="small" title="Claim status (276/277)" data-testid="claim-status-inquiries">
      <Timeline
        items={items.map((q) => ({
          key: q.id,
          color: !q.answeredAt
            ? 'gray'
            : q.statuses.some((s) => s.action)
              ? 'red'
              : color(q.statuses[0] ?? { categoryCode: q.category ?? '' }),
          content: (
            <>
              {q.statuses.length === 0 && (
                <Tag>{q.answeredAt ? 'answered with no status' : `asked, ${q.state}`}</Tag>
              )}
              {q.statuses.map((s, i) => (
                <div key={i}>
                  <Tag color={color(s)} title={STATUS_CATEGORIES[s.categoryCode]}>
                    {s.categoryCode}:{s.statusCode}
                    {s.entityCode ? `:${s.entityCode}` : ''}
                  </Tag>
                  <Typography.Text>{s.says}</Typography.Text>
                  {s.action && (
                    <div>
                      <Typography.Text type="danger">{s.action}</Typography.Text>
                    </div>
                  )}
                  <div>
                    <Typography.Text type="secondary">
                      {[
                        s.amountCents != null && `billed ${dollars(s.amountCents)}`,
                        s.paidCents != null && `paid ${dollars(s.paidCents)}`,
                        s.payerClaimNumber && `payer claim ${s.payerClaimNumber}`,
                        s.checkNumber && `check/EFT ${s.checkNumber}`,
                        s.paidDate && `paid on ${s.paidDate}`,
                        s.date && `as of ${s.date}`,
                        s.line && `line ${s.line}`,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Typography.Text>
                  </div>
                </div>
              ))}
              <Typography.Text type="secondary" className="history-meta">
                asked {timestamp(q.askedAt)}
                {q.answeredAt ? `, answered ${timestamp(q.answeredAt)}` : ''}
              </Typography.Text>
            </>
          ),
        }))}
      />
    </Card>
  );
}
