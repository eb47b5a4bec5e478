import { Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { AddCodeInput } from './AddCodeInput.tsx';
import { CodeSearch } from './CodeSearch.tsx';

export interface PcsProcedure {
  code: string;
  date: string;
}

/** What a coder codes on an inpatient stay beyond the diagnoses (the first is the principal). */
export interface Stay {
  admissionDate: string;
  dischargeDate: string;
  /** ICD-10-PCS, principal first (UB-04 FL74, 837I HI BBR then BBQ). */
  procedures: PcsProcedure[];
}

const PCS = /^[0-9A-HJ-NP-Z]{7}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "0SRC0J9" or "0SRC0J9 2026-09-14": the code and its date (the admission date when none is given). */
export function parseProcedure(raw: string, admissionDate: string): PcsProcedure | undefined {
  const [code = '', date = admissionDate] = raw.trim().toUpperCase().split(/\s+/);
  return PCS.test(code) && ISO_DATE.test(date) ? { code, date } : undefined;
}

function DateInput({ label, value, onChange }: { label: string; value: string; onChange(v: string): void }) {
  return (
    <Input
      type="date"
      size="small"
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      style={{ width: 150 }}
    />
  );
}

interface Props {
  stay: Stay;
  principalDiagnosis: string | undefined;
  /** ICD-10-PCS codes the EHR recorded on the chart: offered, added only when the coder picks one. */
  fromEhr: { code: string; display: string | null }[];
  onChange(stay: Stay): void;
  /** The procedure input, focused by the I key. */
  inputRef: { current: HTMLInputElement | null };
}

/**
 * The inpatient part of the coding screen: the stay's dates and its ICD-10-PCS procedures, checked
 * with the code set in force on the discharge date (README "Inpatient charts").
 */
export function InpatientStay({ stay, principalDiagnosis, fromEhr, onChange, inputRef }: Props) {
  const [q, setQ] = useState('');
  const [searchDate, setSearchDate] = useState<string>();
  const procedures = stay.procedures;
  const set = (patch: Partial<Stay>) => onChange({ ...stay, ...patch });
  const add = (p: PcsProcedure | undefined) => {
    if (!p || procedures.some((x) => x.code === p.code && x.date === p.date) || procedures.length >= 25)
      return;
    set({ procedures: [...procedures, p] });
  };
  const remove = (i: number) => set({ procedures: procedures.filter((_, k) => k !== i) });
  const makePrincipal = (i: number) =>
    set({ procedures: [procedures[i]!, ...procedures.filter((_, k) => k !== i)] });

  return (
    <Card size="small" title="Inpatient stay (I)" data-testid="inpatient-stay">
      <Space wrap>
        <label>
          Admitted{' '}
          <DateInput
            label="Admission date"
            value={stay.admissionDate}
            onChange={(admissionDate) => set({ admissionDate })}
          />
        </label>
        <label>
          Discharged{' '}
          <DateInput
            label="Discharge date"
            value={stay.dischargeDate}
            onChange={(dischargeDate) => set({ dischargeDate })}
          />
        </label>
        <Typography.Text>
          Principal diagnosis: <Typography.Text strong>{principalDiagnosis ?? 'none yet'}</Typography.Text>
        </Typography.Text>
      </Space>
      <Table<PcsProcedure>
        size="small"
        pagination={false}
        rowKey={(p) => `${p.code} ${p.date}`}
        data-testid="pcs-procedures"
        dataSource={procedures}
        locale={{ emptyText: 'No ICD-10-PCS procedures' }}
        columns={[
          {
            title: 'ICD-10-PCS',
            render: (_, p, i) => (
              <Space size={4}>
                <Typography.Text strong className="code-text">
                  {p.code}
                </Typography.Text>
                {i === 0 && <Tag color="blue">principal</Tag>}
              </Space>
            ),
          },
          {
            title: 'Date',
            render: (_, p, i) => (
              <DateInput
                label={`Date of procedure ${i + 1}`}
                value={p.date}
                onChange={(date) =>
                  set({ procedures: procedures.map((x, k) => (k === i ? { ...x, date } : x)) })
                }
              />
            ),
          },
          {
            title: '',
            render: (_, _p, i) => (
              <Space size={0}>
                {i > 0 && (
                  <Button size="small" type="link" onClick={() => makePrincipal(i)}>
                    make principal
                  </Button>
                )}
                <Button size="small" type="link" onClick={() => remove(i)}>
                  remove
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {fromEhr.length > 0 && (
        <Space wrap size={4} data-testid="pcs-from-ehr">
          <Typography.Text type="secondary">From the EHR:</Typography.Text>
          {fromEhr.map((c) => (
            <Button
              key={c.code}
              size="small"
              title={c.display ?? undefined}
              disabled={
                !parseProcedure(c.code, stay.admissionDate) || procedures.some((p) => p.code === c.code)
              }
              onClick={() => add(parseProcedure(c.code, stay.admissionDate))}
            >
              {c.code}
            </Button>
          ))}
        </Space>
      )}
      <AddCodeInput
        inputRef={inputRef}
        label="Add ICD-10-PCS procedure"
        placeholder="ICD-10-PCS code [date], Enter adds it (the first is the principal procedure)"
        onAdd={(text) => add(parseProcedure(text, stay.admissionDate))}
      />
      <CodeSearch
        q={q}
        dos={searchDate ?? stay.dischargeDate}
        systems={['ICD-10-PCS']}
        placeholder="ICD-10-PCS code or words of its title (e.g. replacement right knee)"
        selected={undefined}
        onQuery={setQ}
        onPick={(hit) => add({ code: hit.code, date: stay.admissionDate })}
        onDos={setSearchDate}
      />
    </Card>
  );
}
