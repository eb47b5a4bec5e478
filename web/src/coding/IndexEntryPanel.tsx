import { Alert, Flex, Space, Tag, Tooltip, Typography } from 'antd';
import type { CrossReference, IndexEntry } from '../../../src/codesets/book/lookUp.ts';
import type { VerifiedCode } from '../../../src/codesets/book/verifyCode.ts';
import { BillableTag } from './CodeTags.tsx';

interface Props {
  entry: IndexEntry;
  onPick(code: string): void;
  onFollow(ref: CrossReference): void;
}

function Verdict({ code }: { code: VerifiedCode }) {
  const { check } = code;
  if (check.valid)
    return (
      <Typography.Text>
        <BillableTag billable={check.billable} /> {check.description}
      </Typography.Text>
    );
  return <Typography.Text type="warning">{check.problems.map((p) => p.message).join('; ')}</Typography.Text>;
}

function CodeLine({ code, onPick }: { code: VerifiedCode; onPick(code: string): void }) {
  const completions = code.check.completions ?? [];
  return (
    <Flex vertical gap={4} className="index-code" data-code={code.display}>
      <Space wrap size={4}>
        <Tag
          color={code.needsCompletion ? 'orange' : code.check.valid ? 'green' : 'red'}
          className="code-text clickable-tag"
          onClick={() => onPick(code.display.replace(/-$/, ''))}
        >
          {code.display}
        </Tag>
        {code.column && <Typography.Text type="secondary">{code.column}</Typography.Text>}
        {code.manifestation && <Tag>manifestation: code it second</Tag>}
        {code.needsCompletion && <Tag color="orange">complete it</Tag>}
        <Verdict code={code} />
      </Space>
      {completions.length > 0 && (
        <Flex wrap gap={6} data-testid="index-completions">
          {completions.map((c) => (
            <Tooltip key={c.code} title={c.description}>
              <Tag.CheckableTag checked={false} onChange={() => onPick(c.code)} className="completion-chip">
                {c.code}
              </Tag.CheckableTag>
            </Tooltip>
          ))}
          {(code.check.completionCount ?? 0) > completions.length && (
            <Typography.Text type="secondary">… {code.check.completionCount} in all</Typography.Text>
          )}
        </Flex>
      )}
    </Flex>
  );
}

function Reference({
  kind,
  reference,
  onFollow,
}: {
  kind: string;
  reference: CrossReference;
  onFollow(r: CrossReference): void;
}) {
  return (
    <div>
      <Typography.Text italic>{kind} </Typography.Text>
      {reference.trail.length ? (
        <Typography.Link onClick={() => onFollow(reference)}>{reference.text}</Typography.Link>
      ) : (
        <Typography.Text>{reference.text}</Typography.Text>
      )}
      {reference.unmatched.length > 0 && (
        <Typography.Text type="secondary">
          {' '}
          (read the entry for: {reference.unmatched.join(', ')})
        </Typography.Text>
      )}
    </div>
  );
}

/** The entry chosen in the index: its codes verified on the date of service, and where "see" leads. */
export function IndexEntryPanel({ entry, onPick, onFollow }: Props) {
  return (
    <Flex vertical gap={8} data-testid="index-entry">
      <Typography.Text strong>
        {entry.title} <Typography.Text type="secondary">{entry.nonessential.join(' ')}</Typography.Text>
      </Typography.Text>
      {entry.codes.map((c, i) => (
        <CodeLine key={`${c.code}-${i}`} code={c} onPick={onPick} />
      ))}
      {entry.see && <Reference kind="see" reference={entry.see} onFollow={onFollow} />}
      {entry.seeAlso && <Reference kind="see also" reference={entry.seeAlso} onFollow={onFollow} />}
      {entry.use && <Typography.Text italic>use {entry.use}</Typography.Text>}
      {entry.codes.length === 0 && !entry.see && !entry.seeAlso && !entry.use && (
        <Alert type="info" showIcon title="No code here: open a subterm" />
      )}
    </Flex>
  );
}
