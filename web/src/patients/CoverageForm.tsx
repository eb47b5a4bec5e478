import { Col, Form, Input, Row, Select } from 'antd';
import { useEffect } from 'react';
import { CoverageCreate, CoverageUpdate } from '../../../src/patients/schema.ts';
import { api } from '../api/client.ts';
import type { Coverage, Patient, Payer } from '../api/types.ts';
import { toBody } from '../forms/body.ts';
import { DateInput } from '../forms/DateInput.tsx';
import { fieldsNamed } from '../forms/field-errors.ts';
import { FormDrawer } from '../forms/FormDrawer.tsx';
import { useSave } from '../forms/useSave.ts';
import { useOptions } from '../lists/useOptions.ts';
import { PRIORITY_OPTIONS, RELATIONSHIP_OPTIONS } from './relationships.ts';
import { SEX_OPTIONS } from './sexes.ts';

const fieldFor = fieldsNamed(Object.keys(CoverageUpdate.properties).filter((k) => k !== 'patientId'));
type Values = Record<string, unknown>;

interface Props {
  open: boolean;
  patient: Patient;
  coverage?: Coverage | undefined;
  onClose(): void;
  onSaved(coverage: Coverage): void;
}

/** A patient's insurance (loop 2000B/2010BA/2010BB): payer, priority, member ID, subscriber. */
export function CoverageForm({ open, patient, coverage, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const { busy, error, save, clear } = useSave(form, fieldFor);
  const payers = useOptions<Payer>('/api/payers', (p) => `${p.name} (${p.payerId})`);

  useEffect(() => {
    if (!open) return;
    clear();
    form.resetFields();
    form.setFieldsValue(coverage ?? { priority: 'primary', relationship: '18', ...subscriberFrom(patient) });
  }, [open, coverage, patient, form]); // eslint-disable-line react-hooks/exhaustive-deps

  const onSave = async (values: Values) => {
    const schema = coverage ? CoverageUpdate : CoverageCreate;
    const body = toBody(
      schema,
      coverage ? values : { practiceId: patient.practiceId, patientId: patient.id, ...values },
    );
    const saved = await save(schema, body, () =>
      coverage
        ? api.patch<Coverage>(`/api/coverages/${coverage.id}`, body)
        : api.post<Coverage>('/api/coverages', body),
    );
    if (saved) onSaved(saved);
  };

  return (
    <FormDrawer
      title={coverage ? 'Edit coverage' : 'Add coverage'}
      name="coverage"
      open={open}
      form={form}
      busy={busy}
      error={error}
      onClose={onClose}
      onSave={onSave}
    >
      <Form.Item label="Payer" name="payerId">
        <Select aria-label="Payer" showSearch={{ optionFilterProp: 'label' }} options={payers.options} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item label="Priority" name="priority">
            <Select aria-label="Priority" options={PRIORITY_OPTIONS} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="Member ID" name="memberId">
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="Group number" name="groupNumber">
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="Plan name" name="planName">
        <Input />
      </Form.Item>
      <Form.Item label="Patient's relationship to subscriber" name="relationship">
        <Select
          aria-label="Patient's relationship to subscriber"
          options={RELATIONSHIP_OPTIONS}
          onChange={(code: string) => code === '18' && form.setFieldsValue(subscriberFrom(patient))}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="Subscriber first name" name="subscriberFirstName">
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="Subscriber last name" name="subscriberLastName">
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="Subscriber date of birth" name="subscriberDateOfBirth">
            <DateInput />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="Subscriber sex" name="subscriberSex">
            <Select aria-label="Subscriber sex" allowClear options={SEX_OPTIONS} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="Effective date" name="effectiveDate">
            <DateInput />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="Termination date" name="terminationDate">
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
    </FormDrawer>
  );
}

/** When the patient is the subscriber (SBR02 = 18) the subscriber is the patient. */
function subscriberFrom(p: Patient) {
  return {
    subscriberFirstName: p.firstName,
    subscriberLastName: p.lastName,
    subscriberDateOfBirth: p.dateOfBirth,
    subscriberSex: p.sex,
  };
}
