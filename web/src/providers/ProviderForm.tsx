import { Col, Form, Input, Row, Select, Switch } from 'antd';
import { PROVIDER_KINDS, ProviderCreate, ProviderUpdate } from '../../../src/practices/schema.ts';
import type { Provider } from '../api/types.ts';
import { RecordDrawer } from '../forms/RecordDrawer.tsx';
import type { DrawerProps } from '../lists/MasterDataPage.tsx';

/** A rendering, referring or supervising provider (loops 2310B, 2310A, 2310D). */
export function ProviderForm(props: DrawerProps<Provider>) {
  return (
    <RecordDrawer<Provider>
      {...props}
      label="provider"
      path="/api/providers"
      schemas={{ create: ProviderCreate, update: ProviderUpdate }}
      initialValues={{ kinds: ['rendering'], active: true }}
    >
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
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item label="Credentials" name="credentials" extra="e.g. MD, DO, NP">
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="NPI" name="npi">
            <Input maxLength={10} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="Taxonomy" name="taxonomy" extra="NUCC code, e.g. 207Q00000X">
            <Input maxLength={10} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="Roles on claims" name="kinds">
        <Select
          mode="multiple"
          aria-label="Roles on claims"
          options={PROVIDER_KINDS.map((k) => ({ value: k, label: k }))}
        />
      </Form.Item>
      <Form.Item label="Active" name="active" valuePropName="checked">
        <Switch />
      </Form.Item>
    </RecordDrawer>
  );
}
