import { Card, Tag, Timeline, Typography } from 'antd';
import type { Claim } from '../api/types.ts';
import { useSession } from '../auth/session-context.ts';
import { timestamp } from '../lists/format.ts';
import { STATE_COLORS, stateLabel } from './claim-states.ts';

/** Every state change of the claim: when, who, from and to, and why. */
export function ClaimHistory({ claim }: { claim: Claim }) {
  const { user } = useSession();
  // The history carries user ids; only the signed-in user's own name is known to every role.
  const who = (id: number | null) => (id === null ? 'system' : id === user.id ? user.name : `user ${id}`);
  return (
    <Card size="small" title="History" data-testid="claim-history">
      <Timeline
        items={[...claim.history].reverse().map((h) => ({
          key: h.id,
          color: STATE_COLORS[h.toState as keyof typeof STATE_COLORS] === 'error' ? 'red' : 'blue',
          content: (
            <>
              <div>
                {/* A status answer or note leaves the state as it was: one tag. */}
                {h.fromState && h.fromState !== h.toState && (
                  <>
                    <Tag>{stateLabel(h.fromState)}</Tag>→{' '}
                  </>
                )}
                <Tag color={STATE_COLORS[h.toState as keyof typeof STATE_COLORS]}>
                  {stateLabel(h.toState)}
                </Tag>
              </div>
              <Typography.Text>{h.reason}</Typography.Text>
              <div>
                <Typography.Text type="secondary" className="history-meta">
                  {timestamp(h.at)} · {who(h.userId)}
                </Typography.Text>
              </div>
            </>
          ),
        }))}
      />
    </Card>
  );
}
