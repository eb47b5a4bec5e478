import { CheckOutlined, ToolOutlined } from '@ant-design/icons';
import { Button, Flex, Tag, Typography } from 'antd';
import type { Finding } from '../api/types.ts';

interface Props {
  findings: Finding[] | undefined;
  /** Absent when the user may not change the claim or the claim is past editing. */
  onFix?: ((f: Finding) => void) | undefined;
  onOverride?: ((f: Finding) => void) | undefined;
}

/** The scrubber's findings beside the box or service line they name: red errors, amber warnings. */
export function FindingNotes({ findings, onFix, onOverride }: Props) {
  if (!findings?.length) return null;
  return (
    <Flex vertical gap={6} className="finding-notes">
      {findings.map((f) => (
        <div
          key={f.id}
          className={`finding finding-${f.overridden ? 'overridden' : f.severity}`}
          data-testid={`finding-${f.code}`}
          role="note"
        >
          <Flex justify="space-between" align="start" gap="small">
            <div>
              <Tag
                color={f.overridden ? 'default' : f.severity === 'error' ? 'red' : 'gold'}
                className="rule-tag"
              >
                {f.code}
              </Tag>
              <Typography.Text strong>{f.message}</Typography.Text>
              <div className="finding-hint">
                {f.overridden ? (
                  <>
                    <CheckOutlined /> Overridden: {f.overrideReason}
                  </>
                ) : (
                  f.fixHint
                )}
              </div>
            </div>
            {!f.overridden && (
              <Flex gap={4} className="finding-actions">
                {f.fix && onFix && (
                  <Button size="small" type="primary" icon={<ToolOutlined />} onClick={() => onFix(f)}>
                    Fix
                  </Button>
                )}
                {f.severity === 'warning' && onOverride && (
                  <Button size="small" onClick={() => onOverride(f)}>
                    Override
                  </Button>
                )}
              </Flex>
            )}
          </Flex>
        </div>
      ))}
    </Flex>
  );
}
