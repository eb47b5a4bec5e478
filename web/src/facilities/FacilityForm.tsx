import { Col, Form, Input, Row } from 'antd';
import { FacilityCreate, FacilityUpdate } from '../../../src/practices/schema.ts';
import type { Facility } from '../api/types.ts';
import { AddressFields } from '../forms/AddressFields.tsx';
import { RecordDrawer } from '../forms/RecordDrawer.tsx';
import type { DrawerProps } from '../lists/MasterDataPage.tsx';

/** A service facility (loop 2310C) and the place of service it usually bills with. */
export function FacilityForm(props: DrawerProps<Facility>) {
  return (
    <RecordDrawer<Facility>
      {...props}
      label="facility"
      path="/api/facilities"
      schemas={{ create: FacilityCreate, update: FacilityUpdate }}
    >
      <Form.Item label="Name" name="name">
        <Input />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="NPI" name="npi">
            <Input maxLength={10} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="Place of service" name="placeOfService" extra="Two-digit CMS POS code">
            <Input maxLength={2} />
          </Form.Item>
        </Col>
      </Row>
      <AddressFields />
    </RecordDrawer>
  );
}
