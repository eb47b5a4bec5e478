import { Alert, Button, Card, Input, List, Space, Typography } from 'antd';
import type { CodeHit } from '../api/types.ts';
import { BillableTag, SystemTag } from './CodeTags.tsx';
import { useCodeSearch } from './useCodeSearch.ts';

interface Props {
  q: string;
  dos: string;
  /** the code sets searched (none: all) */
  systems?: readonly string[];
  selected: string | undefined;
  onQuery(q: string): void;
  onPick(hit: CodeHit): void;
  /** when given, a code set not loaded for the date offers to search its latest loaded release */
  onDos?(dos: string): void;
  placeholder?: string;
}

/** The as-you-type look-up: codes, descriptions, inclusion terms and the alphabetic index. */
export function CodeSearch({ q, dos, systems, selected, onQuery, onPick, onDos, placeholder }: Props) {
  const { hits, notLoaded, loading, error } = useCodeSearch(q, dos, systems);
  return (
    <Card size="small" title="Code look-up">
      <Input.Search
        aria-label="Search codes"
        placeholder={placeholder ?? 'Code, description or index term (e.g. cholera, E11.9)'}
        allowClear
        value={q}
        onChange={(e) => onQuery(e.target.value)}
        loading={loading}
        className="code-search"
      />
      {error && <Alert type="warning" title={error} showIcon className="code-search-alert" />}
      {notLoaded.map((n) => (
        <Alert
          key={n.system}
          type="warning"
          showIcon
          className="code-search-alert"
          data-testid="code-set-not-loaded"
          title={n.message}
          action={
            onDos && (
              <Button size="small" onClick={() => onDos(n.latest.searchDate)}>
                Search {n.system} {n.latest.version} ({n.latest.searchDate})
              </Button>
            )
          }
        />
      ))}
      <List<CodeHit>
        className="code-results"
        data-testid="code-results"
        dataSource={hits}
        locale={{ emptyText: q.trim() ? 'No codes match' : 'Type to search' }}
        renderItem={(hit) => (
          <List.Item
            className={`code-result clickable-row${hit.display === selected ? ' code-result-selected' : ''}`}
            onClick={() => onPick(hit)}
            data-code={hit.display}
          >
            <Space orientation="vertical" size={0}>
              <Space size={4} wrap>
                <Typography.Text strong className="code-text">
                  {hit.display}
                </Typography.Text>
                <SystemTag system={hit.system} />
                <BillableTag billable={hit.billable} />
              </Space>
              <Typography.Text>{hit.title}</Typography.Text>
              {hit.via !== 'code' && hit.via !== 'description' && (
                <Typography.Text type="secondary" className="code-via">
                  via {hit.via}
                </Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
