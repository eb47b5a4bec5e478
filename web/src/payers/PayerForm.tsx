import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { PayerCreate, PayerUpdate } from '../../../src/payers/schema.ts';
import type { Payer } from '../api/types.ts';
import { AddressFields } from '../forms/AddressFields.tsx';
import { RecordDrawer } from '../forms/RecordDrawer.tsx';
import type { DrawerProps } from '../lists/MasterDataPage.tsx';
import { FILING_INDICATOR_OPTIONS } from './filing-indicators.ts';

/**
 * A payer (loop 2010BB): its electronic payer ID, SBR09 claim filing indicator, timely-filing limit,
 * how recent an eligibility check must be, and when to ask for a claim's status.
 */
export function PayerForm(props: DrawerProps<Payer>) {
  return (
    <RecordDrawer<Payer>
      {...props}
      label="payer"
      path="/api/payers"
      schemas={{ create: PayerCreate, update: PayerUpdate }}
      initialValues={{ claimFilingIndicator: 'CI', timelyFilingDays: 90, statusInquiryDays: 30 }}
    >
      <Form.Item label="Name" name="name">
        <Input />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="Payer ID" name="payerId" extra="The clearinghouse's electronic payer ID">
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="Timely filing (days)" name="timelyFilingDays">
            <InputNumber min={1} max={3650} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            label="Check eligibility within (days)"
            name="eligibilityCheckDays"
            extra="A claim without a 271 this recent gets a warning; empty: not required"
          >
            <InputNumber min={1} max={365} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label="Ask claim status after (days)"
            name="statusInquiryDays"
            extra="A 276 goes out for a claim submitted this long ago without an ERA"
          >
            <InputNumber min={1} max={365} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="Claim filing indicator" name="claimFilingIndicator">
        <Select
          aria-label="Claim filing indicator"
          showSearch={{ optionFilterProp: 'label' }}
          options={FILING_INDICATOR_OPTIONS}
        />
      </Form.Item>
      <AddressFields />
      <Form.Item label="Phone" name="phone">
        <Input maxLength={10} />
      </Form.Item>
    </RecordDrawer>
  );
}
