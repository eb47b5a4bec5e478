import { Col, Form, Input, Row } from 'antd';

/** The address block shared by practices, facilities, patients (N3/N4). */
export function AddressFields() {
  return (
    <>
      <Form.Item label="Address" name="address1">
        <Input />
      </Form.Item>
      <Form.Item label="Address line 2" name="address2">
        <Input />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="City" name="city">
            <Input />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item label="State" name="state" normalize={(v: string) => v.toUpperCase()}>
            <Input maxLength={2} />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item label="ZIP" name="zip">
            <Input maxLength={9} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
