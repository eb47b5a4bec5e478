import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row, Select, Space } from 'antd';
import { DateInput } from '../forms/DateInput.tsx';
import { CodePicker } from '../components/CodePicker.tsx';

const upper = (v: string) => v.toUpperCase();
const tags = (label: string, placeholder: string) => (
  <Select
    mode="tags"
    aria-label={label}
    open={false}
    suffixIcon={null}
    tokenSeparators={[',', ' ']}
    placeholder={placeholder}
  />
);

interface ListProps {
  name: string;
  title: string;
  /** The fields of one entry besides its code. */
  fields: { key: string; label: string; kind: 'date' | 'text' }[];
  codeLabel: string;
  /** ICD-10-PCS codes are chosen with the code picker; UB-04 code values are typed. */
  picker?: 'pcs-procedure';
  dos?: string | undefined;
}

/** A repeating list of code + dates/amount rows (occurrences, spans, values, procedures). */
function CodeRows({ name, title, fields, codeLabel, picker, dos }: ListProps) {
  return (
    <Form.List name={['institutional', name]}>
      {(rows, { add, remove }) => (
        <div className="facility-code-list">
          <div className="muted">{title}</div>
          {rows.map((row, i) => (
            <Space key={row.key} align="start">
              <Form.Item name={[row.name, 'code']} normalize={upper} className="compact-item">
                {picker ? (
                  <CodePicker
                    kind={picker}
                    dos={dos}
                    aria-label={`${codeLabel} ${i + 1}`}
                    placeholder="0SRC0JZ"
                  />
                ) : (
                  <Input
                    aria-label={`${codeLabel} ${i + 1}`}
                    placeholder={codeLabel}
                    className="code-input"
                  />
                )}
              </Form.Item>
              {fields.map((f) => (
                <Form.Item key={f.key} name={[row.name, f.key]} className="compact-item">
                  {f.kind === 'date' ? (
                    <DateInput aria-label={`${f.label} ${i + 1}`} />
                  ) : (
                    <Input aria-label={`${f.label} ${i + 1}`} placeholder={f.label} prefix="$" />
                  )}
                </Form.Item>
              ))}
              <Button
                icon={<DeleteOutlined />}
                aria-label={`Remove ${codeLabel} ${i + 1}`}
                onClick={() => remove(row.name)}
              />
            </Space>
          ))}
          <Button size="small" icon={<PlusOutlined />} onClick={() => add({})}>
            Add {codeLabel.toLowerCase()}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/** Condition, occurrence, span and value codes (FL18–41), reason for visit (FL70), procedures (FL74). */
export function FacilityCodeLists({ inpatient, dos }: { inpatient: boolean; dos?: string | undefined }) {
  return (
    <>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item label="Condition codes (FL18–28)" name={['institutional', 'conditionCodes']}>
            {tags('Condition codes', 'e.g. P7')}
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="Reason for visit (FL70)" name={['institutional', 'reasonForVisit']}>
            {tags('Reason for visit', 'ICD-10-CM')}
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="External cause (FL72)" name={['institutional', 'externalCauses']}>
            {tags('External cause codes', 'ICD-10-CM')}
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}>
          <CodeRows
            name="occurrences"
            title="Occurrence codes (FL31–34)"
            codeLabel="Occurrence"
            fields={[{ key: 'date', label: 'Occurrence date', kind: 'date' }]}
          />
        </Col>
        <Col span={8}>
          <CodeRows
            name="values"
            title="Value codes (FL39–41)"
            codeLabel="Value code"
            fields={[{ key: 'amount', label: 'Amount', kind: 'text' }]}
          />
        </Col>
        {inpatient && (
          <Col span={8}>
            <CodeRows
              name="procedures"
              title="ICD-10-PCS procedures (FL74), principal first"
              codeLabel="Procedure"
              picker="pcs-procedure"
              dos={dos}
              fields={[{ key: 'date', label: 'Procedure date', kind: 'date' }]}
            />
          </Col>
        )}
      </Row>
    </>
  );
}
