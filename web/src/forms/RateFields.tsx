import { Col, Form, Input, Row } from 'antd';
import { DateInput } from './DateInput.tsx';

/**
 * The fields of a rate by procedure: code, modifier, a dollar amount (the charge master's charge,
 * a payer contract's allowed amount) and the dates it is in effect.
 */
export function RateFields({ amountLabel, amountName }: { amountLabel: string; amountName: string }) {
  return (
    <>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item label="Procedure code" name="procedureCode" normalize={(v: string) => v.toUpperCase()}>
            <Input maxLength={5} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="Modifier" name="modifier" normalize={(v: string) => v.toUpperCase()}>
            <Input maxLength={2} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={amountLabel} name={amountName}>
            <Input prefix="$" />
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
          <Form.Item label="End date" name="endDate">
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
