import { App, Button, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { timestamp } from '../lists/format.ts';

export interface UnsentBatch {
  id: number;
  state: string;
  claimCount: number;
  uploadError: string | null;
  uploadFailedAt: string | null;
}

/** Batch states in a biller's words: a written batch is "not sent" until its file reaches the clearinghouse. */
const STATES: Record<string, { label: string; color: string }> = {
  generated: { label: 'not sent', color: 'gold' },
  sent: { label: 'sent', color: 'blue' },
  acknowledged: { label: 'acknowledged', color: 'green' },
  rejected: { label: 'rejected', color: 'red' },
  released: { label: 'released', color: 'default' },
};

export function BatchState({ batch }: { batch: UnsentBatch }) {
  const s = STATES[batch.state] ?? { label: batch.state, color: 'default' };
  return (
    <Space direction="vertical" size={0}>
      <Tag color={batch.uploadError ? 'red' : s.color} data-testid={`batch-state-${batch.id}`}>
        {batch.uploadError ? 'upload failed' : s.label}
      </Tag>
      {batch.uploadError && (
        <Typography.Text
          type="danger"
          style={{ fontSize: 12 }}
          data-testid={`batch-upload-error-${batch.id}`}
        >
          {batch.uploadError}
          {batch.uploadFailedAt ? ` (${timestamp(batch.uploadFailedAt)})` : ''}
        </Typography.Text>
      )}
    </Space>
  );
}

/**
 * What a biller does with a batch not sent: upload it again over the connection, say it was sent
 * by hand (its claims become submitted), or release its claims back to ready to batch them again.
 */
export function BatchActions({ batch, onDone }: { batch: UnsentBatch; onDone: () => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string>();
  if (batch.state !== 'generated') return null;
  const act = async (what: string, path: string, done: string) => {
    setBusy(what);
    try {
      await api.post(path, {});
      message.success(done);
      onDone();
    } catch (e) {
      message.error(e instanceof ApiProblem ? e.message : `could not ${what}`, 10);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Space wrap>
      <Tooltip title="Upload the file again over the practice's clearinghouse connection">
        <Button
          size="small"
          loading={busy === 'upload'}
          onClick={() =>
            void act('upload', `/api/batches/${batch.id}/upload`, `Batch ${batch.id}: upload started`)
          }
          data-testid={`batch-upload-${batch.id}`}
        >
          Upload
        </Button>
      </Tooltip>
      <Popconfirm
        title="Mark this batch sent?"
        description="Only when you uploaded its 837 file to the clearinghouse yourself: its claims become submitted."
        onConfirm={() =>
          act(
            'mark sent',
            `/api/batches/${batch.id}/sent`,
            `Batch ${batch.id} sent: its claims are submitted`,
          )
        }
      >
        <Button size="small" loading={busy === 'mark sent'} data-testid={`batch-mark-sent-${batch.id}`}>
          Mark sent
        </Button>
      </Popconfirm>
      <Popconfirm
        title="Release the claims?"
        description={`The ${batch.claimCount} claim(s) go back to ready, to be batched again; this file is never sent.`}
        onConfirm={() =>
          act(
            'release',
            `/api/batches/${batch.id}/release`,
            `Batch ${batch.id} released: its claims are ready again`,
          )
        }
      >
        <Button size="small" danger loading={busy === 'release'} data-testid={`batch-release-${batch.id}`}>
          Release claims
        </Button>
      </Popconfirm>
    </Space>
  );
}
