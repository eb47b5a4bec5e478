import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Collapse, Empty, Flex, Input, Select, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { NOTE_KINDS, type ChartCodeView, type ChartDocumentView } from './types.ts';

/** Base64 of a file's bytes, in chunks (a PDF of a few megabytes overflows one String.fromCharCode call). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** An encounter's notes and EHR codes, and a note typed or a text or PDF file uploaded by hand. */
export function EncounterNotes({ encounterId, canWrite }: { encounterId: number; canWrite: boolean }) {
  const { message } = App.useApp();
  const [documents, setDocuments] = useState<ChartDocumentView[]>([]);
  const [codes, setCodes] = useState<ChartCodeView[]>([]);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState('progress-note');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    api
      .get<{ documents: ChartDocumentView[]; codes: ChartCodeView[] }>(`/api/encounters/${encounterId}/chart`)
      .then(
        (r) => (setDocuments(r.documents), setCodes(r.codes)),
        () => message.error('could not load the notes'),
      );
  }, [encounterId, message]);
  useEffect(load, [load]);

  const save = async (body: { text?: string; pdfBase64?: string }, name: string) => {
    setBusy(true);
    try {
      await api.post(`/api/encounters/${encounterId}/notes`, { title: title.trim() || name, kind, ...body });
      message.success('Note added');
      setTitle('');
      setText('');
      load();
    } catch (e) {
      message.error(e instanceof ApiProblem ? e.message : 'the note could not be added');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="Notes" aria-label="Notes">
      <Flex vertical gap="middle">
        {documents.length === 0 ? (
          <Empty description="No notes yet" />
        ) : (
          <Collapse
            items={documents.map((d) => ({
              key: d.id,
              label: (
                <span>
                  <Tag>{d.kind}</Tag>
                  {d.title}
                  {d.authoredAt && (
                    <Typography.Text type="secondary"> · {d.authoredAt.slice(0, 10)}</Typography.Text>
                  )}
                </span>
              ),
              children: (
                <>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                    {d.text || '(no text)'}
                  </Typography.Paragraph>
                  {d.hasAttachment && (
                    <a href={`/api/chart-documents/${d.id}/attachment`} target="_blank" rel="noreferrer">
                      Open the PDF
                    </a>
                  )}
                </>
              ),
            }))}
          />
        )}
        {codes.length > 0 && (
          <div aria-label="Codes from the EHR">
            <Typography.Text type="secondary">Codes from the EHR (not billed as is): </Typography.Text>
            {codes.map((c) => (
              <Tag key={`${c.kind}-${c.system}-${c.code}`} title={c.display ?? undefined}>
                {c.system} {c.code}
              </Tag>
            ))}
          </div>
        )}
        {canWrite && (
          <Flex vertical gap="small">
            <Flex gap="small">
              <Input
                aria-label="Note title"
                placeholder="Title"
                value={title}
                onChange={(e) => setTitle(e.target.value)}
              />
              <Select
                aria-label="Note kind"
                value={kind}
                onChange={setKind}
                style={{ width: 220 }}
                options={NOTE_KINDS.map((k) => ({ value: k, label: k }))}
              />
            </Flex>
            <Input.TextArea
              aria-label="Note text"
              rows={4}
              placeholder="Type or paste the note"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <Flex gap="small">
              <Button
                type="primary"
                loading={busy}
                disabled={!text.trim()}
                onClick={() => void save({ text }, 'Note')}
              >
                Add note
              </Button>
              <Upload
                accept="application/pdf,.pdf,text/plain,.txt"
                showUploadList={false}
                beforeUpload={(file) => {
                  // A PDF goes as bytes (the server extracts its text); a text file as its text.
                  const isPdf = file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
                  void (isPdf
                    ? base64Of(file).then((pdfBase64) => save({ pdfBase64 }, file.name))
                    : file.text().then((fileText) => save({ text: fileText }, file.name)));
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={busy}>
                  Upload a note file (text or PDF)
                </Button>
              </Upload>
            </Flex>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
