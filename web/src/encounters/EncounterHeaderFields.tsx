import { Card, Col, Form, Input, Row, Select } from 'antd';
import type { Facility, Provider } from '../api/types.ts';
import { DateInput } from '../forms/DateInput.tsx';
import { useOptions } from '../lists/useOptions.ts';
import { PatientSelect } from './PatientSelect.tsx';

const providerName = (p: Provider) =>
  `${p.lastName}, ${p.firstName}${p.credentials ? ` ${p.credentials}` : ''} · NPI ${p.npi}`;

/** Who, when and where: patient, dates of service, POS, providers, facility, prior authorization. */
export function EncounterHeaderFields() {
  const providers = useOptions<Provider>('/api/providers', providerName, { active: true });
  const facilities = useOptions<Facility>('/api/facilities', (f) => `${f.name} (POS ${f.placeOfService})`);
  const form = Form.useFormInstance();
  const rendering = providers.rows
    .filter((p) => p.kinds.includes('rendering'))
    .map((p) => ({ value: p.id, label: providerName(p) }));
  const referring = providers.rows
    .filter((p) => p.kinds.includes('referring'))
    .map((p) => ({ value: p.id, label: providerName(p) }));

  // A facility carries its usual place of service; choosing it fills POS unless the user set one.
  const onFacility = (id: number | undefined) => {
    const facility = facilities.rows.find((f) => f.id === id);
    if (facility && !form.getFieldValue('placeOfService'))
      form.setFieldValue('placeOfService', facility.placeOfService);
  };

  return (
    <Card title="Encounter" size="small">
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="Patient" name="patientId">
            <PatientSelect />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label="Service date from" name="serviceDateFrom">
            <DateInput />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label="Service date to" name="serviceDateTo" extra="Blank: same day">
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item label="Rendering provider" name="renderingProviderId">
            <Select
              aria-label="Rendering provider"
              showSearch={{ optionFilterProp: 'label' }}
              options={rendering}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="Referring provider" name="referringProviderId">
            <Select
              aria-label="Referring provider"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={referring}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="Facility" name="facilityId">
            <Select aria-label="Facility" allowClear options={facilities.options} onChange={onFacility} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item
            label="Place of service"
            name="placeOfService"
            extra="Two-digit CMS POS code, e.g. 11 office"
          >
            <Input maxLength={2} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="Prior authorization" name="priorAuthorization">
            <Input />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
