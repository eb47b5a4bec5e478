import { Col, Form, Input, Row } from 'antd';
import { useEffect } from 'react';
import { ClaimUpdate } from '../../../src/claims/schema.ts';
import { api } from '../api/client.ts';
import type { Claim } from '../api/types.ts';
import { DiagnosisList } from '../encounters/DiagnosisList.tsx';
import { ServiceLinesTable } from '../encounters/ServiceLinesTable.tsx';
import { FormDrawer } from '../forms/FormDrawer.tsx';
import { useSave } from '../forms/useSave.ts';
import { claimBodyOf, claimFieldFor, claimValuesOf, type ClaimValues } from './claim-values.ts';

interface Props {
  claim: Claim;
  open: boolean;
  onClose(): void;
  onSaved(claim: Claim): void;
}

/** Edits what a biller corrects on a claim (POS, prior authorization, diagnoses, service lines); the server scrubs it again. */
export function ClaimEditDrawer({ claim, open, onClose, onSaved }: Props) {
  const [form] = Form.useForm<ClaimValues>();
  const { busy, error, save, fail, clear } = useSave(form, claimFieldFor);

  useEffect(() => {
    if (!open) return;
    clear();
    form.resetFields();
    form.setFieldsValue(claimValuesOf(claim));
  }, [open, claim, form]); // eslint-disable-line react-hooks/exhaustive-deps

  const onSave = async () => {
    const { body, errors } = claimBodyOf(form.getFieldsValue(true) as ClaimValues);
    if (errors.length) return fail(errors);
    const saved = await save(ClaimUpdate, body, () => api.patch<Claim>(`/api/claims/${claim.id}`, body));
    if (saved) onSaved(saved);
  };

  const firstServiceDate = claim.lines.map((l) => l.serviceDate).sort()[0];
  return (
    <FormDrawer<ClaimValues>
      title={`Edit claim ${claim.patientControlNumber}`}
      name="claim"
      open={open}
      form={form}
      busy={busy}
      error={error}
      onClose={onClose}
      onSave={onSave}
      width={1000}
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item label="Place of service (24B)" name="placeOfService">
            <Input maxLength={2} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="Prior authorization (23)" name="priorAuthorization">
            <Input />
          </Form.Item>
        </Col>
      </Row>
      {/* The pickers look codes up in the releases in force on the claim's first date of service. */}
      <DiagnosisList dos={firstServiceDate} />
      <div className="stacked-card">
        <ServiceLinesTable name="lines" fixed dos={firstServiceDate} />
      </div>
    </FormDrawer>
  );
}
