import { Col, Form, Input, Row, Select } from 'antd';
import { useEffect } from 'react';
import { PatientCreate, PatientUpdate } from '../../../src/patients/schema.ts';
import { api } from '../api/client.ts';
import type { Patient } from '../api/types.ts';
import { AddressFields } from '../forms/AddressFields.tsx';
import { toBody } from '../forms/body.ts';
import { DateInput } from '../forms/DateInput.tsx';
import { fieldsNamed } from '../forms/field-errors.ts';
import { FormDrawer } from '../forms/FormDrawer.tsx';
import { useSave } from '../forms/useSave.ts';
import { usePracticeId } from '../practice/practice-context.ts';
import { GuarantorFields } from './GuarantorFields.tsx';
import { SEX_OPTIONS } from './sexes.ts';

const fieldFor = fieldsNamed(Object.keys(PatientUpdate.properties));
type Values = Record<string, unknown>;

interface Props {
  open: boolean;
  patient?: Patient | undefined;
  onClose(): void;
  onSaved(patient: Patient): void;
}

/** Create or edit a patient (loop 2010CA): demographics, address, contact and guarantor. */
export function PatientForm({ open, patient, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const practiceId = usePracticeId();
  const { busy, error, save, clear } = useSave(form, fieldFor);

  useEffect(() => {
    if (!open) return;
    clear();
    form.resetFields();
    if (patient) form.setFieldsValue(patient);
  }, [open, patient, form]); // eslint-disable-line react-hooks/exhaustive-deps

  const onSave = async (values: Values) => {
    const schema = patient ? PatientUpdate : PatientCreate;
    const body = toBody(schema, patient ? values : { practiceId, ...values });
    const saved = await save(schema, body, () =>
      patient
        ? api.patch<Patient>(`/api/patients/${patient.id}`, body)
        : api.post<Patient>('/api/patients', body),
    );
    if (saved) onSaved(saved);
  };

  return (
    <FormDrawer
      title={patient ? 'Edit patient' : 'New patient'}
      name="patient"
      open={open}
      form={form}
      busy={busy}
      error={error}
      onClose={onClose}
      onSave={onSave}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            label="Account number"
            name="accountNumber"
            extra="Patient account number, letters, digits and hyphens"
          >
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="Date of birth" name="dateOfBirth">
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={9}>
          <Form.Item label="First name" name="firstName">
            <Input />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label="Middle name" name="middleName">
            <Input />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item label="Last name" name="lastName">
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="Sex" name="sex">
        <Select options={SEX_OPTIONS} aria-label="Sex" />
      </Form.Item>
      <AddressFields />
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item label="Phone" name="phone" extra="10 digits">
            <Input />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item label="Email" name="email">
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <GuarantorFields />
    </FormDrawer>
  );
}
