import { Alert, Card, Descriptions, Empty, Flex, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { CodeView } from '../api/types.ts';
import { useRecord } from '../lists/useRecord.ts';
import { withQuery } from '../api/client.ts';
import { BillableTag, SystemTag } from './CodeTags.tsx';

interface Props {
  code: string | undefined;
  system: string | undefined;
  dos: string;
  onPick(code: string): void;
  /** shown in the card's header, e.g. the code picker's "Use this code" button */
  extra?: (view: CodeView) => ReactNode;
}

function Notes({ notes }: { notes: CodeView['notes'] }) {
  if (notes === 'tabular notes not imported')
    return <Typography.Text type="secondary">Tabular notes not imported</Typography.Text>;
  if (!notes.length) return <Typography.Text type="secondary">None</Typography.Text>;
  return (
    <Flex vertical gap={4}>
      {notes.map((n, i) => (
        <div key={i}>
          <Tag>{n.kind}</Tag>
          {n.text} <Typography.Text type="secondary">({n.source})</Typography.Text>
        </div>
      ))}
    </Flex>
  );
}

/** One code on the date of service: valid, billable or header, description, parents, notes, completions. */
export function CodeDetail({ code, system, dos, onPick, extra }: Props) {
  const path = code ? withQuery(`/api/codes/${encodeURIComponent(code)}`, { dos, system }) : undefined;
  const { record: view, error } = useRecord<CodeView>(path);
  if (!code)
    return (
      <Card size="small" title="Code detail">
        <Empty description="Pick a code to see its detail" />
      </Card>
    );
  if (error) return <Alert type="error" title={error.message} showIcon />;
  if (!view) return <Spin />;

  const link = (c: string) => (
    <Typography.Link key={c} onClick={() => onPick(c)} className="code-text">
      {c}
    </Typography.Link>
  );

  return (
    <Card
      size="small"
      data-testid="code-detail"
      extra={extra?.(view)}
      title={
        <Space wrap>
          <span className="code-title">{view.display}</span>
          <SystemTag system={view.system} />
          {view.valid ? <Tag color="green">valid</Tag> : <Tag color="red">not valid</Tag>}
          <BillableTag billable={view.billable} />
        </Space>
      }
    >
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="Description">{view.description ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="Release">
          {view.release ?? '—'} (date of service {dos})
        </Descriptions.Item>
        {view.problems.length > 0 && (
          <Descriptions.Item label="Problems">
            {view.problems.map((p, i) => (
              <div key={i}>
                <Tag color="red">{p.code}</Tag>
                {p.message}
              </div>
            ))}
          </Descriptions.Item>
        )}
        <Descriptions.Item label="Parents">
          {view.parents.length ? (
            <Flex vertical gap={2}>
              {view.parents.map((p) => (
                <div key={p.code}>
                  {link(p.code)} {p.description}
                </div>
              ))}
            </Flex>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label="Notes">
          <Notes notes={view.notes} />
        </Descriptions.Item>
        {view.seventhCharacters && (
          <Descriptions.Item label="7th character">
            <Flex vertical gap={2} data-testid="seventh-characters">
              {view.seventhCharacters.map((c) => (
                <div key={c.char}>
                  <Tag className="code-text">{c.char}</Tag>
                  {c.description}
                </div>
              ))}
            </Flex>
          </Descriptions.Item>
        )}
        {view.completions && view.completions.length > 0 && (
          <Descriptions.Item
            label={`Billable codes beneath${view.completionCount ? ` (${view.completionCount})` : ''}`}
          >
            <Flex wrap gap={6} data-testid="code-completions">
              {view.completions.map((c) => (
                <Tooltip key={c.code} title={c.description}>
                  <Tag.CheckableTag
                    checked={false}
                    onChange={() => onPick(c.code)}
                    className="completion-chip"
                  >
                    {c.code}
                  </Tag.CheckableTag>
                </Tooltip>
              ))}
            </Flex>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}
