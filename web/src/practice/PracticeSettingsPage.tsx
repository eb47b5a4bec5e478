import { Alert, App, Button, Card, Col, Flex, Form, Input, Row, Typography } from 'antd';
import { useEffect } from 'react';
import { PracticeUpdate } from '../../../src/practices/schema.ts';
import { api } from '../api/client.ts';
import type { Practice } from '../api/types.ts';
import { AddressFields } from '../forms/AddressFields.tsx';
import { toBody } from '../forms/body.ts';
import { fieldsNamed } from '../forms/field-errors.ts';
import { useSave } from '../forms/useSave.ts';
import { usePractice } from './practice-context.ts';

const fieldFor = fieldsNamed(Object.keys(PracticeUpdate.properties));

/** The practice as billing provider (loop 2010AA): NPI, TIN, taxonomy, address and pay-to address. */
export function PracticeSettingsPage() {
  const { current, reload } = usePractice();
  const [form] = Form.useForm<Record<string, unknown>>();
  const { busy, error, save } = useSave(form, fieldFor);
  const { message } = App.useApp();

  useEffect(() => {
    if (current) form.setFieldsValue(current);
  }, [current, form]);

  if (!current) return null;
  const onSave = async (values: Record<string, unknown>) => {
    const body = toBody(PracticeUpdate, values);
    if (await save(PracticeUpdate, body, () => api.patch<Practice>(`/api/practices/${current.id}`, body))) {
      message.success('Practice saved');
      await reload();
    }
  };

  return (
    <Form form={form} name="practice" layout="vertical" onFinish={onSave} aria-label="Practice settings">
      <Flex justify="space-between" align="center" className="list-toolbar">
        <Typography.Title level={3} className="page-title">
          Practice settings
        </Typography.Title>
        <Button type="primary" htmlType="submit" loading={busy}>
          Save
        </Button>
      </Flex>
      {error && <Alert type="error" title={error} showIcon className="form-alert" role="alert" />}
      <Row gutter={16}>
        <Col span={12}>
          <Card title="Billing provider" size="small">
            <Form.Item label="Name" name="name">
              <Input />
            </Form.Item>
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item label="NPI" name="npi">
                  <Input maxLength={10} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item label="TIN" name="tin">
                  <Input maxLength={11} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item label="Taxonomy" name="taxonomy">
                  <Input maxLength={10} />
                </Form.Item>
              </Col>
            </Row>
            <AddressFields />
          </Card>
        </Col>
        <Col span={12}>
          <Card title="Pay-to address (when different)" size="small">
            <Form.Item label="Pay-to address" name="payToAddress1">
              <Input />
            </Form.Item>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item label="Pay-to city" name="payToCity">
                  <Input />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item label="State" name="payToState" normalize={(v: string) => v.toUpperCase()}>
                  <Input maxLength={2} />
                </Form.Item>
              </Col>
              <Col span={7}>
                <Form.Item label="ZIP" name="payToZip">
                  <Input maxLength={9} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Card title="Contact" size="small" className="stacked-card">
            <Form.Item label="Contact name" name="contactName">
              <Input />
            </Form.Item>
            <Row gutter={12}>
              <Col span={10}>
                <Form.Item label="Phone" name="phone">
                  <Input maxLength={10} />
                </Form.Item>
              </Col>
              <Col span={14}>
                <Form.Item label="Email" name="email">
                  <Input />
                </Form.Item>
              </Col>
            </Row>
          </Card>
        </Col>
      </Row>
    </Form>
  );
}
