import type { Static } from '@sinclair/typebox';
import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { SubmitterSettings } from '../../../src/claims/batch-schema.ts';
import { SubmitterSettingsCreate, SubmitterSettingsUpdate } from '../../../src/claims/batch-schema.ts';
import { RecordDrawer } from '../forms/RecordDrawer.tsx';
import type { DrawerProps } from '../lists/MasterDataPage.tsx';

export type SubmitterSetting = Static<typeof SubmitterSettings>;

/** How the clearinghouse knows the practice: submitter (1000A, ISA06) and receiver (1000B, ISA08). */
export function SubmitterSettingsForm(props: DrawerProps<SubmitterSetting>) {
  return (
    <RecordDrawer<SubmitterSetting>
      {...props}
      label="submitter setting"
      path="/api/submitter-settings"
      schemas={{ create: SubmitterSettingsCreate, update: SubmitterSettingsUpdate }}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="Submitter name" name="submitterName">
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="Submitter ID (ETIN)" name="submitterId" extra="Assigned by the clearinghouse">
            <Input maxLength={15} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="Contact name" name="contactName">
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="Contact phone" name="contactPhone" extra="10 digits">
            <Input maxLength={10} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="Receiver name" name="receiverName">
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="Receiver ID" name="receiverId">
            <Input maxLength={15} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="Usage (ISA15)" name="usage" initialValue="T">
            <Select
              options={[
                { value: 'T', label: 'T: test' },
                { value: 'P', label: 'P: production' },
              ]}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="Claims per transaction" name="claimsPerTransaction" initialValue={5000}>
            <InputNumber min={1} max={5000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label="Outbox folder (connection)"
        name="outboxDir"
        extra="Each batch file is written into this folder under the data directory (e.g. outbox), where the clearinghouse's client picks it up. Blank: download the files from Submissions."
      >
        <Input maxLength={200} placeholder="outbox" />
      </Form.Item>
    </RecordDrawer>
  );
}
