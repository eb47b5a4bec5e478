import { Space, Tag, Typography } from 'antd';
import type { IndexChild } from '../../../src/codesets/book/lookUp.ts';

const SHOWN_CODES = 2;

/** A line of the index: the term, its nonessential modifiers in grey, its codes, and "see". */
export function IndexTermTitle({
  term,
}: {
  term: Pick<IndexChild, 'title' | 'nonessential' | 'codes' | 'see' | 'seeAlso' | 'use'>;
}) {
  const codes = term.codes.slice(0, SHOWN_CODES);
  const more = term.codes.length - codes.length;
  return (
    <Space size={4} wrap className="index-term" data-term={term.title}>
      <span>{term.title}</span>
      {term.nonessential.length > 0 && (
        <Typography.Text type="secondary">{term.nonessential.join(' ')}</Typography.Text>
      )}
      {codes.map((c, i) => (
        <Tag key={i} color={c.partial ? 'orange' : 'blue'} className="code-text">
          {c.display}
        </Tag>
      ))}
      {more > 0 && <Typography.Text type="secondary">+{more}</Typography.Text>}
      {term.see && <Typography.Text italic>see {term.see}</Typography.Text>}
      {term.seeAlso && (
        <Typography.Text italic type="secondary">
          see also {term.seeAlso}
        </Typography.Text>
      )}
      {term.use && <Typography.Text italic>use {term.use}</Typography.Text>}
    </Space>
  );
}
