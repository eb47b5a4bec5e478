import { Card, Col, Form, Input, Row, Select, Switch } from 'antd';
import { isInpatientBill } from '../../../src/shared/bill-types.ts';
import type { Provider } from '../api/types.ts';
import { DateInput } from '../forms/DateInput.tsx';
import { useOptions } from '../lists/useOptions.ts';
import { CodePicker } from '../components/CodePicker.tsx';
import { BILL_TYPES, ADMISSION_TYPES, POINTS_OF_ORIGIN, POA_OPTIONS } from './facility-codes.ts';
import { FacilityCodeLists } from './FacilityCodeLists.tsx';
import { switchedOnUb04, type InstitutionalValues } from './encounter-values.ts';

const upper = (v: string) => v.toUpperCase();

/** The UB-04 part of an encounter a facility bills: form locators 4, 12–17, 18–41, 67, 69, 74, 77. */
export function FacilityBillFields() {
  // preserve: a stored encounter's type of bill is in the form before its field is mounted.
  const facility = Boolean(Form.useWatch(['institutional', 'enabled'], { preserve: true }));
  const billType =
    (Form.useWatch(['institutional', 'billType'], { preserve: true }) as string | undefined) ?? '';
  const diagnoses = (Form.useWatch('diagnoses') as string[] | undefined) ?? [];
  const dischargedOn = Form.useWatch('serviceDateTo') as string | undefined;
  const admittedOn = Form.useWatch('serviceDateFrom') as string | undefined;
  // An inpatient stay's codes come from the release in force on the discharge date.
  const dos = dischargedOn || admittedOn;
  const providers = useOptions<Provider>(
    '/api/providers',
    (p) => `${p.lastName}, ${p.firstName} · NPI ${p.npi}`,
    {
      active: true,
    },
  );
  const inpatient = isInpatientBill(billType);
  const form = Form.useFormInstance();
  // Only the biller's switching on fills defaults: a loaded encounter keeps its own type of bill.
  const onSwitch = (on: boolean) => {
    if (on)
      form.setFieldValue(
        'institutional',
        switchedOnUb04(form.getFieldValue('institutional') as InstitutionalValues | undefined),
      );
  };

  return (
    <Card
      title="Facility claim (UB-04)"
      size="small"
      extra={
        <Form.Item name={['institutional', 'enabled']} valuePropName="checked" className="compact-item">
          <Switch
            aria-label="Bill on a UB-04"
            onChange={onSwitch}
            checkedChildren="UB-04"
            unCheckedChildren="CMS-1500"
          />
        </Form.Item>
      }
    >
      {!facility ? (
        <span className="muted">
          Billed by the practice on a CMS-1500. Switch on when a facility bills this encounter on a UB-04
          (837I); the rendering provider is then the attending physician.
        </span>
      ) : (
        <>
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item label="Type of bill (FL4)" name={['institutional', 'billType']}>
                <Select
                  aria-label="Type of bill"
                  options={BILL_TYPES}
                  showSearch={{ optionFilterProp: 'label' }}
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="Discharge status (FL17)" name={['institutional', 'patientStatus']}>
                <Input aria-label="Discharge status" placeholder="01" maxLength={2} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="Operating physician (FL77)" name={['institutional', 'operatingProviderId']}>
                <Select
                  aria-label="Operating physician"
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  options={providers.rows.map((p) => ({
                    value: p.id,
                    label: `${p.lastName}, ${p.firstName}`,
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
          {inpatient && (
            <Row gutter={12}>
              <Col span={5}>
                <Form.Item label="Admission date (FL12)" name={['institutional', 'admissionDate']}>
                  <DateInput />
                </Form.Item>
              </Col>
              <Col span={3}>
                <Form.Item label="Hour (FL13)" name={['institutional', 'admissionHour']}>
                  <Input aria-label="Admission hour" placeholder="07" maxLength={2} />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item label="Type of admission (FL14)" name={['institutional', 'admissionType']}>
                  <Select aria-label="Type of admission" options={ADMISSION_TYPES} allowClear />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item label="Point of origin (FL15)" name={['institutional', 'admissionSource']}>
                  <Select aria-label="Point of origin" options={POINTS_OF_ORIGIN} allowClear />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item
                  label="Admitting diagnosis (FL69)"
                  name={['institutional', 'admittingDiagnosis']}
                  normalize={upper}
                >
                  <CodePicker
                    kind="diagnosis"
                    dos={dos}
                    aria-label="Admitting diagnosis"
                    placeholder="J18.9"
                  />
                </Form.Item>
              </Col>
            </Row>
          )}
          {inpatient && (
            <Row gutter={12} data-testid="poa-indicators">
              {diagnoses.map((code, i) => (
                <Col span={3} key={i}>
                  <Form.Item
                    label={`POA ${i + 1} ${code ?? ''}`}
                    name={['institutional', 'presentOnAdmission', i]}
                  >
                    <Select aria-label={`POA of diagnosis ${i + 1}`} options={POA_OPTIONS} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          )}
          <FacilityCodeLists inpatient={inpatient} dos={dos} />
        </>
      )}
    </Card>
  );
}
