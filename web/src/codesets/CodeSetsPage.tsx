import { CloudDownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Table, Tag, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import type { CodeRelease } from '../api/types.ts';
import { JobProgress } from '../admin/JobProgress.tsx';
import { JOB_STATE_COLORS, RUNNING, useJobs } from '../admin/useJobs.ts';
import { useIsInstallationAdmin } from '../auth/useHasRole.ts';
import { ListToolbar } from '../lists/ListToolbar.tsx';
import { timestamp } from '../lists/format.ts';
import { CptImport } from './CptImport.tsx';

const columns: TableColumnsType<CodeRelease> = [
  { title: 'Code set', dataIndex: 'system', key: 'system' },
  { title: 'Version', dataIndex: 'version', key: 'version' },
  { title: 'Effective from', dataIndex: 'effectiveFrom', key: 'effectiveFrom' },
  {
    title: 'Effective through',
    dataIndex: 'effectiveThrough',
    key: 'effectiveThrough',
    render: (d: string | null) => d ?? 'open',
  },
  {
    title: 'Counts',
    dataIndex: 'counts',
    key: 'counts',
    render: (counts: Record<string, number>) =>
      Object.entries(counts).map(([file, n]) => (
        <Tag key={file}>
          {file} {n.toLocaleString()}
        </Tag>
      )),
  },
  { title: 'Imported', dataIndex: 'importedAt', key: 'importedAt', render: timestamp },
];

/** The imported code set releases, and for admins an import from the configured folder (a background job). */
export function CodeSetsPage() {
  const [releases, setReleases] = useState<CodeRelease[]>();
  const [error, setError] = useState<string>();
  const [jobId, setJobId] = useState<string>();
  const [cptImports, setCptImports] = useState(0);
  const jobs = useJobs();
  const isAdmin = useIsInstallationAdmin();
  const { message } = App.useApp();
  const job = jobs.jobs?.find((j) => j.id === jobId);
  const finished = job !== undefined && !RUNNING.has(job.state);

  useEffect(() => {
    api.get<CodeRelease[]>('/api/codesets').then(
      (r) => (setReleases(r), setError(undefined)),
      (e: unknown) => setError(e instanceof ApiProblem ? e.message : 'could not load the code sets'),
    );
  }, [finished, cptImports]);

  const startImport = async () => {
    try {
      const { id } = await api.post<{ id: string }>('/api/codesets/import');
      setJobId(id);
      jobs.reload();
    } catch (e) {
      message.error(e instanceof ApiProblem ? e.message : 'could not start the import');
    }
  };

  return (
    <>
      <ListToolbar
        title="Code sets"
        error={error}
        extra={
          isAdmin && (
            <Flex gap="small">
              <CptImport onImported={() => setCptImports((n) => n + 1)} />
              <Button
                type="primary"
                icon={<CloudDownloadOutlined />}
                loading={job !== undefined && !finished}
                onClick={() => void startImport()}
              >
                Import from the configured folder
              </Button>
            </Flex>
          )
        }
      />
      {job && (
        <Alert
          className="form-alert"
          type={job.state === 'failed' ? 'error' : finished ? 'success' : 'info'}
          showIcon
          title={
            <Flex gap="middle" align="center">
              <Tag color={JOB_STATE_COLORS[job.state]}>{job.state}</Tag>
              <span>{job.message ?? 'Import queued'}</span>
              <div className="job-progress">
                <JobProgress job={job} />
              </div>
            </Flex>
          }
        />
      )}
      <Table<CodeRelease>
        rowKey={(r) => `${r.system} ${r.version}`}
        size="middle"
        dataSource={releases}
        loading={!releases && !error}
        columns={columns}
        pagination={false}
        data-testid="codesets-table"
        locale={{ emptyText: 'No code set release is imported yet' }}
      />
    </>
  );
}
