import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Input,
  List,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiProblem } from '../api/client.ts';
import { AddCodeInput } from './AddCodeInput.tsx';
import { InpatientStay, type Stay } from './InpatientStay.tsx';
import { NotePane, type ChartDocument, type Highlight } from './NotePane.tsx';
import { parsePointers, pointerLetter, STATE_COLORS, useKeys } from './workspace.ts';

interface Line {
  /** UB-04 lines only (a facility's charges: shown, not coded). */
  revenueCode?: string | null;
  procedureCode: string;
  modifiers: string[];
  units: number;
  diagnosisPointers: number[];
}
interface Opened {
  chart: { id: number; state: string; chartType: string; holdReason: string | null; encounterId: number };
  patient?: { name: string; sex: string; dateOfBirth: string; accountNumber: string };
  encounter: {
    id: number;
    serviceDateFrom: string;
    serviceDateTo: string;
    diagnoses: string[];
    serviceLines: Line[];
    /** Set when a facility bills the visit on a UB-04 (837I). */
    stay: {
      billType: string;
      admissionDate: string | null;
      procedures: Stay['procedures'];
      presentOnAdmission: string[];
    } | null;
  };
  documents: ChartDocument[];
  /** Codes the EHR recorded (shown, never billed as they are). */
  ehrCodes: { system: string; code: string; display: string | null }[];
}
interface Finding {
  code: string;
  severity: string;
  field: string;
  message: string;
}
interface Suggestion {
  system: string;
  code: string;
  title: string;
  reason: string;
  confidence: number;
  evidence: Highlight[];
}

/** UB-04 FL67 indicators: Y yes, N no, U not documented, W clinically undetermined, 1 or blank exempt. */
const POA_OPTIONS = ['Y', 'N', 'U', 'W', '1', ''].map((v) => ({ value: v, label: v ? `POA ${v}` : 'POA –' }));

/** A facility's lines are its charges: shown to the coder, not coded. */
const FACILITY_COLUMNS = [
  { title: 'Revenue code', dataIndex: 'revenueCode' },
  { title: 'HCPCS', dataIndex: 'procedureCode' },
  { title: 'Units', dataIndex: 'units' },
];

const problemText = (e: unknown, fallback: string) => (e instanceof ApiProblem ? e.message : fallback);
const allPointers = (n: number) => Array.from({ length: Math.min(n, 4) }, (_, i) => i + 1);

/**
 * The coding screen: the note on the left, the codes on the right with the live checks and the
 * suggestions. Keyboard-first (README "Coding workspace keys").
 */
export function WorkspacePage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [opened, setOpened] = useState<Opened>();
  const [diagnoses, setDiagnoses] = useState<string[]>([]);
  const [lines, setLines] = useState<Line[]>([]);
  const [stay, setStay] = useState<Stay>();
  /** Present on admission per diagnosis (inpatient charts), kept in diagnosis order. */
  const [poa, setPoa] = useState<string[]>([]);
  const pcsInput = useRef<HTMLInputElement>(null);
  const [findings, setFindings] = useState<Finding[]>([]);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [decided, setDecided] = useState<Set<string>>(new Set());
  const [focused, setFocused] = useState<Suggestion>();
  const [error, setError] = useState<string>();
  const [holding, setHolding] = useState(false);
  const dxInput = useRef<HTMLInputElement>(null);
  const procInput = useRef<HTMLInputElement>(null);
  const holdInput = useRef<HTMLInputElement>(null);
  const [holdText, setHoldText] = useState('');

  const load = useCallback(async () => {
    try {
      let chart = await api.get<Opened>(`/api/coding/charts/${id}`);
      if (chart.chart.state === 'queued' || chart.chart.state === 'held') {
        await api.post(`/api/coding/charts/${id}/claim`);
        chart = await api.get<Opened>(`/api/coding/charts/${id}`);
      }
      setOpened(chart);
      setDiagnoses(chart.encounter.diagnoses);
      const e = chart.encounter;
      setPoa(e.stay?.presentOnAdmission ?? []);
      setStay(
        chart.chart.chartType === 'inpatient'
          ? {
              admissionDate: e.stay?.admissionDate ?? e.serviceDateFrom,
              dischargeDate: e.serviceDateTo,
              procedures: e.stay?.procedures ?? [],
            }
          : undefined,
      );
      // Only what the coder works: the charge stays with the line on the server.
      setLines(
        chart.encounter.serviceLines.map((l) => ({
          ...(l.revenueCode ? { revenueCode: l.revenueCode } : {}),
          procedureCode: l.procedureCode,
          modifiers: l.modifiers,
          units: l.units,
          diagnosisPointers: l.diagnosisPointers,
        })),
      );
      api
        .post<{ suggestions: Suggestion[] }>('/api/coding/suggest', { encounterId: chart.encounter.id })
        .then(
          (r) => setSuggestions(r.suggestions),
          () => setSuggestions([]),
        );
    } catch (e) {
      setError(problemText(e, 'the chart did not open'));
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  // A facility's lines are its charges (revenue codes): the coder codes the diagnoses and, on an
  // inpatient chart, the stay; a stay coded on a professional visit makes it a UB-04 one.
  const facility = Boolean(opened?.encounter.stay);
  const codes = {
    diagnoses,
    ...(facility ? {} : { serviceLines: lines }),
    ...(stay && (facility || stay.procedures.length > 0)
      ? { inpatient: { ...stay, presentOnAdmission: diagnoses.map((_, i) => poa[i] ?? '') } }
      : {}),
  };
  const codesKey = JSON.stringify(codes);

  // The live checks run on every change, on the codes as they are on screen.
  useEffect(() => {
    if (!opened) return;
    const timer = setTimeout(() => {
      api
        .post<{ findings: Finding[] }>(`/api/coding/charts/${id}/check`, JSON.parse(codesKey) as object)
        .then(
          (r) => setFindings(r.findings),
          (e: unknown) => setError(problemText(e, 'checks failed')),
        );
    }, 200);
    return () => clearTimeout(timer);
  }, [opened, id, codesKey]);

  const addDiagnosis = (raw: string) => {
    // One spelling on the claim: E119 (as suggestions and some coders write it) is E11.9.
    const code = raw
      .trim()
      .toUpperCase()
      .replace(/^(-?[A-Z][0-9A-Z]{2})([0-9A-Z]{1,4})$/, '$1.$2');
    // "-E10.9" takes a diagnosis off without the mouse.
    if (code.startsWith('-')) {
      const at = diagnoses.indexOf(code.slice(1));
      if (at >= 0) removeDiagnosis(at);
      return;
    }
    // A CMS-1500 holds 12 diagnoses, a UB-04 25.
    if (!code || diagnoses.includes(code) || diagnoses.length >= (facility ? 25 : 12)) return;
    setDiagnoses([...diagnoses, code]);
  };
  const addProcedure = (raw: string) => {
    // "99213", "99213 25", "20610 RT x2"
    const [code, ...rest] = raw.trim().toUpperCase().split(/\s+/);
    if (!code) return;
    const units = Number(rest.find((r) => /^X\d+$/.test(r))?.slice(1) ?? 1);
    const modifiers = rest.filter((r) => /^[A-Z0-9]{2}$/.test(r));
    setLines([
      ...lines,
      { procedureCode: code, modifiers, units, diagnosisPointers: allPointers(diagnoses.length) },
    ]);
  };
  const removeDiagnosis = (i: number) => {
    setDiagnoses(diagnoses.filter((_, k) => k !== i));
    setPoa(poa.filter((_, k) => k !== i));
    setLines(
      lines.map((l) => ({
        ...l,
        diagnosisPointers: l.diagnosisPointers.filter((p) => p !== i + 1).map((p) => (p > i + 1 ? p - 1 : p)),
      })),
    );
  };
  const changeLine = (i: number, patch: Partial<Line>) =>
    setLines(lines.map((l, k) => (k === i ? { ...l, ...patch } : l)));

  const pending = suggestions.filter((s) => !decided.has(`${s.system} ${s.code}`));
  const decide = async (s: Suggestion | undefined, accepted: boolean) => {
    if (!s) return;
    setDecided(new Set(decided).add(`${s.system} ${s.code}`));
    setFocused(undefined);
    if (accepted && s.system === 'ICD-10-CM') addDiagnosis(s.code);
    if (accepted && s.system !== 'ICD-10-CM') addProcedure(s.code);
    await api
      .post(`/api/coding/charts/${id}/suggestions`, {
        accepted,
        system: s.system,
        code: s.code,
        confidence: s.confidence,
      })
      .catch((e: unknown) => setError(problemText(e, 'the decision was not recorded')));
  };

  const save = async () => {
    try {
      await api.put(`/api/coding/charts/${id}/codes`, codes);
      message.success('Codes saved');
      return true;
    } catch (e) {
      setError(problemText(e, 'the codes were not saved'));
      return false;
    }
  };
  const send = async () => {
    if (!(await save())) return;
    try {
      await api.post(`/api/coding/charts/${id}/send`);
      message.success('Sent to billing');
      navigate('/coding/queue');
    } catch (e) {
      setError(problemText(e, 'the chart was not sent'));
    }
  };
  const hold = async () => {
    if (!holdText.trim()) return;
    try {
      await save();
      await api.post(`/api/coding/charts/${id}/hold`, { reason: holdText.trim() });
      navigate('/coding/queue');
    } catch (e) {
      setError(problemText(e, 'the chart was not held'));
    }
  };

  useKeys({
    d: () => dxInput.current?.focus(),
    p: () => procInput.current?.focus(),
    i: () => pcsInput.current?.focus(),
    a: () => void decide(focused ?? pending[0], true),
    r: () => void decide(focused ?? pending[0], false),
    s: () => void save(),
    b: () => void send(),
    h: () => {
      setHolding(true);
      setTimeout(() => holdInput.current?.focus(), 0);
    },
    q: () => navigate('/coding/queue'),
  });

  if (!opened)
    return error ? (
      <Alert type="error" showIcon title={error} />
    ) : (
      <Typography.Text>Loading…</Typography.Text>
    );
  const errors = findings.filter((f) => f.severity === 'error');
  const highlights = (focused ?? pending[0])?.evidence ?? [];

  return (
    <Flex vertical gap="small" data-testid="coding-workspace">
      <Flex justify="space-between" align="center" wrap>
        <Space>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {opened.patient?.name} · {opened.encounter.serviceDateFrom}
          </Typography.Title>
          <Tag>{opened.chart.chartType}</Tag>
          <Tag color={STATE_COLORS[opened.chart.state]}>{opened.chart.state}</Tag>
          <Typography.Text type="secondary">
            {opened.patient?.sex} · born {opened.patient?.dateOfBirth} · {opened.patient?.accountNumber}
          </Typography.Text>
        </Space>
        <Space>
          {/* Codes saved first: the chart waits on the query with what the coder has so far. */}
          <Button
            onClick={() =>
              void save().then((ok) => ok && navigate(`/coding/queries?encounterId=${opened.encounter.id}`))
            }
          >
            Query the provider
          </Button>
          <Button onClick={() => void save()} aria-keyshortcuts="s">
            Save (S)
          </Button>
          <Button onClick={() => setHolding(true)} aria-keyshortcuts="h">
            Hold (H)
          </Button>
          <Button
            type="primary"
            onClick={() => void send()}
            disabled={errors.length > 0}
            aria-keyshortcuts="b"
          >
            Send to billing (B)
          </Button>
        </Space>
      </Flex>
      {error && <Alert type="warning" showIcon title={error} closable onClose={() => setError(undefined)} />}
      {holding && (
        <Space.Compact style={{ maxWidth: 600 }}>
          <Input
            ref={(el) => {
              holdInput.current = el?.input ?? null;
            }}
            aria-label="Hold reason"
            placeholder="Why the chart waits (Enter holds it)"
            value={holdText}
            onChange={(e) => setHoldText(e.target.value)}
            onPressEnter={() => void hold()}
          />
          <Button onClick={() => void hold()}>Hold chart</Button>
        </Space.Compact>
      )}
      <Row gutter={16}>
        <Col span={12} style={{ maxHeight: '75vh', overflow: 'auto' }}>
          <NotePane documents={opened.documents} highlights={highlights} />
        </Col>
        <Col span={12}>
          <Card size="small" title="Diagnoses (D)">
            <List
              size="small"
              data-testid="diagnoses"
              dataSource={diagnoses}
              renderItem={(code, i) => (
                <List.Item
                  actions={[
                    <Button key="x" size="small" type="link" onClick={() => removeDiagnosis(i)}>
                      remove
                    </Button>,
                  ]}
                >
                  <Typography.Text strong>{pointerLetter(i + 1)}</Typography.Text>&nbsp;{code}
                  {i === 0 && stay && (
                    <Tag color="blue" style={{ marginLeft: 8 }}>
                      principal
                    </Tag>
                  )}
                  {stay && (
                    <Select
                      size="small"
                      aria-label={`Present on admission ${code}`}
                      style={{ width: 90, marginLeft: 8 }}
                      value={poa[i] ?? ''}
                      options={POA_OPTIONS}
                      onChange={(v: string) =>
                        setPoa(diagnoses.map((_, k) => (k === i ? v : (poa[k] ?? ''))))
                      }
                    />
                  )}
                </List.Item>
              )}
            />
            <AddCodeInput
              inputRef={dxInput}
              label="Add diagnosis"
              placeholder="ICD-10-CM code, Enter adds it (-code removes it)"
              onAdd={addDiagnosis}
            />
          </Card>
          {stay && (
            <InpatientStay
              stay={stay}
              principalDiagnosis={diagnoses[0]}
              fromEhr={opened.ehrCodes.filter((c) => c.system === 'ICD-10-PCS')}
              onChange={setStay}
              inputRef={pcsInput}
            />
          )}
          <Card size="small" title={facility ? 'Facility charges (UB-04 lines)' : 'Service lines (P)'}>
            <Table<Line>
              size="small"
              pagination={false}
              rowKey={(_, i) => String(i)}
              data-testid="service-lines"
              dataSource={lines}
              columns={
                facility
                  ? FACILITY_COLUMNS
                  : [
                      { title: 'Code', dataIndex: 'procedureCode' },
                      {
                        title: 'Modifiers',
                        render: (_, l, i) => (
                          <Input
                            size="small"
                            aria-label={`Modifiers line ${i + 1}`}
                            defaultValue={l.modifiers.join(' ')}
                            onBlur={(e) =>
                              changeLine(i, {
                                modifiers: e.target.value
                                  .toUpperCase()
                                  .split(/[\s,]+/)
                                  .filter(Boolean),
                              })
                            }
                          />
                        ),
                      },
                      {
                        title: 'Units',
                        render: (_, l, i) => (
                          <Input
                            size="small"
                            aria-label={`Units line ${i + 1}`}
                            defaultValue={String(l.units)}
                            onBlur={(e) => changeLine(i, { units: Number(e.target.value) || 1 })}
                          />
                        ),
                      },
                      {
                        title: 'Pointers',
                        render: (_, l, i) => (
                          <Input
                            size="small"
                            aria-label={`Pointers line ${i + 1}`}
                            defaultValue={l.diagnosisPointers.map(pointerLetter).join('')}
                            onBlur={(e) =>
                              changeLine(i, { diagnosisPointers: parsePointers(e.target.value) })
                            }
                          />
                        ),
                      },
                      {
                        title: '',
                        render: (_, _l, i) => (
                          <Button
                            size="small"
                            type="link"
                            onClick={() => setLines(lines.filter((_x, k) => k !== i))}
                          >
                            remove
                          </Button>
                        ),
                      },
                    ]
              }
            />
            {!facility && (
              <AddCodeInput
                inputRef={procInput}
                label="Add procedure"
                placeholder="CPT/HCPCS [modifiers] [x units], Enter adds it"
                onAdd={addProcedure}
              />
            )}
          </Card>
          <Card size="small" title={`Checks (${findings.length})`} data-testid="live-checks">
            {findings.length === 0 ? (
              <Typography.Text type="success">No findings</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={findings}
                renderItem={(f) => (
                  <List.Item>
                    <Tag color={f.severity === 'error' ? 'red' : 'orange'}>{f.code}</Tag> {f.message}
                  </List.Item>
                )}
              />
            )}
          </Card>
          <Card size="small" title="Suggestions (A accepts, R rejects)" data-testid="suggestions">
            <List
              size="small"
              dataSource={pending}
              locale={{ emptyText: 'No suggestions left' }}
              renderItem={(s) => (
                <List.Item
                  onMouseEnter={() => setFocused(s)}
                  style={{ background: s === (focused ?? pending[0]) ? '#e6f4ff' : undefined }}
                  actions={[
                    <Button key="a" size="small" onClick={() => void decide(s, true)}>
                      Accept
                    </Button>,
                    <Button key="r" size="small" onClick={() => void decide(s, false)}>
                      Reject
                    </Button>,
                  ]}
                >
                  <List.Item.Meta title={`${s.code} ${s.title}`} description={s.reason} />
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
