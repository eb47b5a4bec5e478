import { Space, Typography } from 'antd';
import type { CodeHit } from '../api/types.ts';
import { BillableTag } from '../coding/CodeTags.tsx';

interface Props {
  hits: CodeHit[];
  active: number;
  onChoose(hit: CodeHit): void;
}

/** The as-you-type list under a code field; the mouse picks without taking focus from the field. */
export function CodeSuggestions({ hits, active, onChoose }: Props) {
  return (
    <div
      role="listbox"
      aria-label="Code suggestions"
      className="code-suggestions"
      data-testid="code-suggestions"
    >
      {hits.map((hit, i) => (
        <div
          key={`${hit.system}|${hit.code}|${hit.title}`}
          role="option"
          aria-selected={i === active}
          className={`code-suggestion${i === active ? ' code-suggestion-active' : ''}`}
          data-code={hit.display}
          onMouseDown={(e) => {
            e.preventDefault();
            onChoose(hit);
          }}
        >
          <Space size={6}>
            <Typography.Text strong className="code-text">
              {hit.display}
            </Typography.Text>
            <BillableTag billable={hit.billable} />
            <Typography.Text ellipsis className="code-suggestion-title">
              {hit.title}
            </Typography.Text>
          </Space>
        </div>
      ))}
    </div>
  );
}
