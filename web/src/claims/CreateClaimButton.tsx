import { FileAddOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { OFFICE } from '../../../src/auth/roles.ts';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import type { Claim } from '../api/types.ts';
import { useHasRole } from '../auth/useHasRole.ts';

/** Builds the claim for an encounter to the patient's primary coverage (the server scrubs it) and opens it. */
export function CreateClaimButton({ encounterId }: { encounterId: number }) {
  const canCreate = useHasRole(OFFICE);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  if (!canCreate) return null;

  const create = async () => {
    setBusy(true);
    try {
      const claim = await api.post<Claim>('/api/claims', { encounterId });
      navigate(`/claims/${claim.id}`);
    } catch (e) {
      const detail = e instanceof ApiProblem ? [e.message, ...e.errors.map((x) => x.detail)].join(': ') : '';
      message.error(detail || 'the server did not answer; try again');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button icon={<FileAddOutlined />} loading={busy} onClick={() => void create()} disabled={false}>
      Create claim
    </Button>
  );
}
