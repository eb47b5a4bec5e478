import { Col, Form, Input, Row } from 'antd';
import { FeeCreate, FeeUpdate } from '../../../src/practices/schema.ts';
import { formatDollars } from '../../../src/shared/money.ts';
import type { Fee } from '../api/types.ts';
import { DateInput } from '../forms/DateInput.tsx';
import { centsOrAsTyped } from '../forms/dollars.ts';
import { fieldsNamed } from '../forms/field-errors.ts';
import { RecordDrawer } from '../forms/RecordDrawer.tsx';
import type { DrawerProps } from '../lists/MasterDataPage.tsx';

const fieldFor = fieldsNamed(['procedureCode', 'modifier', 'charge', 'effectiveDate', 'endDate'], {
  chargeCents: 'charge',
});

/** The practice's charge for a procedure (and modifier) from a date: fills a service line's charge when left blank. */
export function FeeForm(props: DrawerProps<Fee>) {
  return (
    <RecordDrawer<Fee>
      {...props}
      label="fee"
      path="/api/fee-schedule"
      schemas={{ create: FeeCreate, update: FeeUpdate }}
      fieldFor={fieldFor}
      toValues={(f) => ({ ...f, charge: formatDollars(f.chargeCents) })}
      fromValues={({ charge, ...rest }) => ({ ...rest, chargeCents: centsOrAsTyped(charge) })}
    >
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
          <Form.Item label="Charge" name="charge">
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
    </RecordDrawer>
  );
}
