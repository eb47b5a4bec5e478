import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { dollars, timestamp } from '../lists/format.ts';
import { EobTable } from './EobTable.tsx';
import { STATE_COLORS, type EraFile } from './types.ts';

/** One 835 file: each remittance's payment and balancing, and every claim payment as an EOB. */
export function EraFilePage() {
  const { id } = useParams();
  const [file, setFile] = useState<EraFile>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api
      .get<EraFile>(`/api/eras/${id}`)
      .then(setFile, (e: unknown) =>
        setError(e instanceof ApiProblem ? e.message : 'could not load the ERA'),
      );
  }, [id]);
  if (error) return <Alert type="error" message={error} />;
  if (!file) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>
        <Link to="/payments">ERA inbox</Link> / {file.fileName}
      </Typography.Title>
      <Typography.Text type="secondary">
        received {timestamp(file.receivedAt)} · <Tag color={STATE_COLORS[file.status]}>{file.status}</Tag>
      </Typography.Text>
      {file.remittances.map((r) => (
        <Card
          key={r.id}
          title={`${r.payerName}: ${r.paymentMethod} ${dollars(r.paymentCents)}, trace ${r.traceNumber}`}
        >
          <Descriptions size="small" column={3}>
            <Descriptions.Item label="Payment date">{r.paymentDate ?? ''}</Descriptions.Item>
            <Descriptions.Item label="Balancing">
              {r.balanced ? <Tag color="green">balanced</Tag> : <Tag color="red">does not balance</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="Posting">
              <Tag color={STATE_COLORS[r.state]}>{r.state}</Tag>
            </Descriptions.Item>
          </Descriptions>
          {r.balancing.map((p, i) => (
            <Alert key={i} type="error" message={p.message} style={{ marginBottom: 8 }} />
          ))}
          {(r.claimPayments ?? []).map((c) => (
            <Card
              key={c.id}
              type="inner"
              size="small"
              style={{ marginTop: 8 }}
              title={
                c.claimId ? (
                  <Link to={`/claims/${c.claimId}`}>Claim {c.patientControlNumber}</Link>
                ) : (
                  c.patientControlNumber
                )
              }
            >
              <EobTable payment={c} />
            </Card>
          ))}
        </Card>
      ))}
    </Space>
  );
}
