import { Col, Form, Input, Row, Select } from 'antd';

/** The guarantor: who is responsible for the patient's balance. */
export function GuarantorFields() {
  return (
    <Row gutter={12}>
      <Col span={6}>
        <Form.Item label="Guarantor is" name="guarantorRelationship">
          <Select
            aria-label="Guarantor is"
            allowClear
            options={['self', 'spouse', 'parent', 'other'].map((r) => ({ value: r, label: r }))}
          />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item label="Guarantor first name" name="guarantorFirstName">
          <Input />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item label="Guarantor last name" name="guarantorLastName">
          <Input />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item label="Guarantor phone" name="guarantorPhone">
          <Input />
        </Form.Item>
      </Col>
    </Row>
  );
}
