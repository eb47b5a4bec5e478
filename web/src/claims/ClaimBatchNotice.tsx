import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/client.ts';

interface PendingBatch {
  batchId: number;
  uploadError: string | null;
}

/**
 * A batched claim is in a file not yet at the clearinghouse: says which batch, and why its upload
 * failed when it did (the Submissions page retries, marks it sent or releases the claims).
 */
export function ClaimBatchNotice({ claimId, state }: { claimId: number; state: string }) {
  const [pending, setPending] = useState<PendingBatch | null>(null);
  useEffect(() => {
    if (state !== 'batched') return setPending(null);
    api.get<PendingBatch | null>(`/api/claims/${claimId}/batch`).then(setPending, () => setPending(null));
  }, [claimId, state]);
  if (!pending) return null;
  const where = <Link to="/submissions">Submissions</Link>;
  return pending.uploadError ? (
    <Alert
      type="error"
      showIcon
      data-testid="claim-upload-error"
      title={
        <>
          Batch {pending.batchId} was not sent: {pending.uploadError}
        </>
      }
      description={<>Not submitted. Upload it again, mark it sent, or release its claims on {where}.</>}
    />
  ) : (
    <Alert
      type="info"
      showIcon
      data-testid="claim-in-batch"
      title={<>In batch {pending.batchId}, not sent yet</>}
      description={<>Submitted once the file reaches the clearinghouse ({where}).</>}
    />
  );
}
