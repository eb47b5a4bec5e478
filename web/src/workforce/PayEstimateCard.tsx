// An estimate for one person: BLS figures as the base, experience and certifications as the
// assumptions they are (listed with source and year), answered as a range.
import { Button, Card, Checkbox, Col, Form, List, Row, Select, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { PayEstimate } from '../../../src/workforce/estimate.ts';
import type { PayAssumption } from '../../../src/workforce/default-assumptions.ts';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { wholeDollars } from './format.ts';
import type { Explorer } from './SalaryExplorerPage.tsx';

const whole = wholeDollars;

export function PayEstimateCard(props: { explorer: Explorer; state?: string | undefined }) {
  const [assumptions, setAssumptions] = useState<PayAssumption[]>([]);
  const [estimate, setEstimate] = useState<PayEstimate>();
  const [error, setError] = useState<string>();
  const [form] = Form.useForm();
  useEffect(() => {
    api.get<PayAssumption[]>('/api/wages/assumptions').then(setAssumptions, () => undefined);
  }, []);
  useEffect(() => {
    if (props.state) form.setFieldValue('state', props.state);
  }, [props.state, form]);
  const settings = [
    ...new Map(
      props.explorer.industries.filter((r) => r.annualMean !== null).map((r) => [r.naics, r.naicsTitle]),
    ),
  ].sort((a, b) => a[1].localeCompare(b[1]));
  const submit = async (v: {
    state?: string;
    setting?: string;
    experience: string;
    certifications?: string[];
    remote?: boolean;
  }) => {
    setError(undefined);
    try {
      setEstimate(await api.post<PayEstimate>('/api/wages/estimate', v));
    } catch (e) {
      setEstimate(undefined);
      setError(e instanceof ApiProblem ? e.message : String(e));
    }
  };
  return (
    <Card title="Estimate for one person" data-testid="pay-estimate">
      <Row gutter={24}>
        <Col xs={24} lg={10}>
          <Form
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={{ experience: 'experience:3-5' }}
          >
            <Form.Item name="state" label="State">
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                options={props.explorer.states.map((s) => ({ value: s.state, label: s.areaTitle }))}
              />
            </Form.Item>
            <Form.Item name="setting" label="Work setting">
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                options={settings.map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
            <Form.Item name="experience" label="Years of experience">
              <Select
                options={assumptions
                  .filter((a) => a.kind === 'experience')
                  .map((a) => ({ value: a.key, label: a.label }))}
              />
            </Form.Item>
            <Form.Item name="certifications" label="Certifications">
              <Checkbox.Group
                options={assumptions
                  .filter((a) => a.kind === 'certification')
                  .map((a) => ({ value: a.key, label: a.label }))}
              />
            </Form.Item>
            <Form.Item name="remote" label="Remote" valuePropName="checked">
              <Switch />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              Estimate
            </Button>
          </Form>
        </Col>
        <Col xs={24} lg={14}>
          {error && <Typography.Text type="danger">{error}</Typography.Text>}
          {estimate && (
            <div data-testid="estimate-result">
              <Typography.Title level={3}>
                {whole(estimate.low)} – {whole(estimate.high)} a year
              </Typography.Title>
              <List
                size="small"
                header="How it is worked out"
                dataSource={estimate.steps}
                renderItem={(s) => (
                  <List.Item>
                    <div>
                      {s.what}: {s.detail}
                      <br />
                      <Typography.Text type="secondary">{s.source}</Typography.Text>
                    </div>
                  </List.Item>
                )}
              />
              <List
                size="small"
                header="Assumptions (not BLS figures)"
                dataSource={estimate.assumptions}
                renderItem={(a) => (
                  <List.Item>
                    {a.label}:{' '}
                    {a.kind === 'experience'
                      ? `${a.low}th–${a.high}th percentile`
                      : `${a.low / 100} % to ${a.high / 100} %`}
                    .{' '}
                    <Typography.Text type="secondary">
                      {a.source} ({a.sourceYear})
                    </Typography.Text>
                  </List.Item>
                )}
              />
              {estimate.notes.map((n) => (
                <Typography.Paragraph key={n} type="secondary">
                  {n}
                </Typography.Paragraph>
              ))}
            </div>
          )}
        </Col>
      </Row>
    </Card>
  );
}
