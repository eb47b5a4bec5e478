import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, List, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { usePracticeId } from '../practice/practice-context.ts';
import type { ChartFileOutcome, ChartProblemView } from './types.ts';

const where = (p: ChartProblemView) => [p.resource, p.field ?? p.element].filter(Boolean).join(' ');

/** Chart files from the EHR (FHIR R4 JSON or HL7 v2): each merged whole or not at all, with why. */
export function ChartImportPage() {
  const practiceId = usePracticeId();
  const { message } = App.useApp();
  const [outcomes, setOutcomes] = useState<ChartFileOutcome[]>([]);
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    setBusy(true);
    try {
      const content = await file.text();
      const outcome = await api.post<ChartFileOutcome>('/api/charts/import', {
        practiceId,
        fileName: file.name,
        content,
      });
      setOutcomes((list) => [outcome, ...list]);
      if (outcome.imported) message.success(`${file.name}: imported`);
      else message.error(`${file.name}: not imported`);
    } catch (e) {
      message.error(e instanceof ApiProblem ? e.message : `${file.name} could not be imported`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap="middle">
      <Typography.Title level={3} className="page-title">
        Chart import
      </Typography.Title>
      <Card>
        <Typography.Paragraph>
          FHIR R4 (a Bundle or one resource, JSON) or HL7 v2 (ADT, DFT, MDM, ORU). Patients merge by MRN,
          practitioners by NPI, coverages by member id, encounters by visit number; importing the same file
          again changes nothing. A file with an error (STU3 or R5, invalid R4, a reference that points
          nowhere) writes nothing.
        </Typography.Paragraph>
        <Upload
          multiple
          accept=".json,.hl7,.txt"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy}>
            Choose chart files
          </Button>
        </Upload>
      </Card>
      <Table<ChartFileOutcome>
        rowKey={(o) => `${o.fileName}-${outcomes.indexOf(o)}`}
        dataSource={outcomes}
        pagination={false}
        aria-label="Imported chart files"
        columns={[
          { title: 'File', dataIndex: 'fileName' },
          {
            title: 'Format',
            dataIndex: 'format',
            render: (f: string) => (f === 'hl7v2' ? 'HL7 v2' : f.toUpperCase()),
          },
          {
            title: 'Result',
            render: (_, o) =>
              !o.imported ? (
                <Tag color="red">not imported</Tag>
              ) : o.results.every((r) => r.duplicate) ? (
                <Tag>imported before: nothing changed</Tag>
              ) : (
                <Tag color="green">
                  {o.results.reduce((n, r) => n + r.created, 0)} created,{' '}
                  {o.results.reduce((n, r) => n + r.updated, 0)} updated,{' '}
                  {o.results.reduce((n, r) => n + r.unchanged, 0)} unchanged
                </Tag>
              ),
          },
          {
            title: 'Problems',
            render: (_, o) => (
              <List
                size="small"
                dataSource={o.problems.filter((p) => p.severity !== 'info')}
                locale={{ emptyText: 'none' }}
                renderItem={(p) => (
                  <List.Item>
                    <Tag color={p.severity === 'error' || p.severity === 'fatal' ? 'red' : 'gold'}>
                      {p.code}
                    </Tag>
                    {where(p) && <Typography.Text code>{where(p)}</Typography.Text>} {p.message}
                  </List.Item>
                )}
              />
            ),
          },
        ]}
      />
    </Flex>
  );
}
