import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { CptImportOutcome } from '../../../src/codesets/storage/importCpt.ts';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';

/**
 * An administrator imports the practice's licensed AMA CPT data file (LONGULT.txt, MEDU.txt,
 * SHORTU.txt …). CPT descriptions are AMA copyright: cleanclaim never ships them.
 */
export function CptImport({ onImported }: { onImported(): void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [year, setYear] = useState(new Date().getFullYear());
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  const upload = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const content = await file.text();
      const o = await api.post<CptImportOutcome>('/api/codesets/cpt', { fileName: file.name, year, content });
      message.success(`CPT ${o.version} ${o.status}: ${o.counts.cpt ?? 0} codes`);
      setOpen(false);
      setProblems([]);
      onImported();
    } catch (e) {
      setProblems(
        e instanceof ApiProblem
          ? e.errors.length
            ? e.errors.map((x) => x.detail)
            : [e.message]
          : ['the server did not answer'],
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
        Import CPT file
      </Button>
      <Modal
        title="Import your licensed CPT data file"
        open={open}
        okText="Import"
        okButtonProps={{ disabled: !file, loading: busy }}
        onOk={() => void upload()}
        onCancel={() => setOpen(false)}
      >
        <Flex vertical gap="small">
          <Typography.Paragraph type="secondary">
            CPT descriptions are copyright of the American Medical Association and are not shipped with
            cleanclaim. With a licence, import the AMA data file (tab-delimited such as LONGULT.txt, or fixed
            layout such as MEDU.txt and SHORTU.txt). Without it CPT codes are checked by format only.
          </Typography.Paragraph>
          <label>
            CPT year{' '}
            <InputNumber
              aria-label="CPT year"
              min={2000}
              max={2100}
              value={year}
              onChange={(v) => v && setYear(v)}
            />
          </label>
          <input
            type="file"
            aria-label="CPT data file"
            accept=".txt,text/plain"
            onChange={(e) => (setFile(e.target.files?.[0]), setProblems([]))}
          />
          {problems.length > 0 && (
            <Alert
              type="error"
              showIcon
              title="The file was not imported"
              description={
                <ul className="cpt-problems">
                  {problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              }
            />
          )}
        </Flex>
      </Modal>
    </>
  );
}
