import { DownOutlined } from '@ant-design/icons';
import { Alert, App, Dropdown, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { ApiProblem } from '../../api/problem.ts';
import { AppealDrawer } from './AppealDrawer.tsx';
import type { DenialForAppeal } from './types.ts';

/**
 * A denial's next steps beside it in the queue: write (or open) its appeal, or answer it with a
 * corrected claim (frequency 7) or a void (8) naming the payer's claim number from the 835.
 */
export function AppealButton({ denial, onDone }: { denial: DenialForAppeal; onDone?: () => void }) {
  const [drawer, setDrawer] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const resolved = denial.state !== undefined && denial.state !== 'open';
  return (
    <>
      <Dropdown.Button
        size="small"
        icon={<DownOutlined />}
        onClick={() => setDrawer(true)}
        menu={{
          items: [{ key: 'correct', label: 'Corrected claim / void…', disabled: resolved }],
          onClick: () => setCorrecting(true),
        }}
      >
        {denial.resolution === 'appealed' ? 'Appeal…' : 'Appeal'}
      </Dropdown.Button>
      {drawer ? (
        <AppealDrawer
          open={drawer}
          onClose={() => setDrawer(false)}
          claimId={denial.claimId}
          denialId={denial.id}
          practiceId={denial.practiceId}
          onChanged={onDone}
        />
      ) : null}
      {correcting ? (
        <CorrectClaimModal denialId={denial.id} onClose={() => setCorrecting(false)} onDone={onDone} />
      ) : null}
    </>
  );
}

function CorrectClaimModal({
  denialId,
  onClose,
  onDone,
}: {
  denialId: number;
  onClose: () => void;
  onDone?: (() => void) | undefined;
}) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ frequencyCode: '7' | '8'; reason: string }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const r = await api.post<{ claim: { id: number; patientControlNumber: string } }>(
        `/api/denials/${denialId}/correct`,
        values,
      );
      message.success(`Claim ${r.claim.patientControlNumber} made: check it and batch it`);
      onDone?.();
      onClose();
      navigate(`/claims/${r.claim.id}`);
    } catch (e) {
      setError(e instanceof ApiProblem ? e.message : 'could not make the claim');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title="Corrected claim or void"
      okText="Make the claim"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
    >
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ frequencyCode: '7' }}>
        <Form.Item name="frequencyCode" label="Kind">
          <Radio.Group
            options={[
              { value: '7', label: 'Corrected claim (7): replaces the claim, fix it before batching' },
              { value: '8', label: 'Void (8): cancels the claim at the payer' },
            ]}
          />
        </Form.Item>
        <Form.Item name="reason" label="Why" rules={[{ required: true, message: 'say what is corrected' }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
