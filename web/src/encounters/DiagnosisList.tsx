import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Space, Tag, Typography } from 'antd';
import { MAX_DIAGNOSES } from '../../../src/encounters/schema.ts';
import { todayIso } from '../../../src/shared/dates.ts';
import { useCodeDescriptions, type CodeLabel } from '../coding/useCodeDescriptions.ts';
import { CodePicker } from '../components/CodePicker.tsx';

interface Props {
  /** date of service for the code picker (default: the form's serviceDateFrom, else today) */
  dos?: string;
}

/**
 * The encounter's ICD-10-CM codes in order (837P 2300 HI): the first is the principal diagnosis,
 * and service lines point at them by position. Each is entered with the code picker.
 */
export function DiagnosisList({ dos }: Props) {
  const serviceDate = Form.useWatch('serviceDateFrom') as string | undefined;
  const codes = (Form.useWatch('diagnoses') as string[] | undefined) ?? [];
  // The release in force on the visit says what each code means (a bare code reads as nothing).
  const labelOf = useCodeDescriptions(codes, dos ?? serviceDate ?? todayIso(), 'ICD-10-CM');
  return (
    <Card title="Diagnoses (ICD-10-CM)" size="small">
      <Form.List name="diagnoses">
        {(fields, { add, remove, move }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} align="start" className="diagnosis-row">
                <Tag className="pointer-tag">{index + 1}</Tag>
                <Form.Item
                  name={field.name}
                  className="compact-item"
                  normalize={(v: string) => v.toUpperCase()}
                >
                  <CodePicker
                    kind="diagnosis"
                    dos={dos ?? serviceDate}
                    aria-label={`Diagnosis ${index + 1}`}
                    finderLabel={`Find diagnosis code ${index + 1}`}
                    placeholder="E11.9"
                  />
                </Form.Item>
                <Button
                  aria-label={`Move diagnosis ${index + 1} up`}
                  icon={<ArrowUpOutlined />}
                  disabled={index === 0}
                  onClick={() => move(index, index - 1)}
                />
                <Button
                  aria-label={`Move diagnosis ${index + 1} down`}
                  icon={<ArrowDownOutlined />}
                  disabled={index === fields.length - 1}
                  onClick={() => move(index, index + 1)}
                />
                <Button
                  aria-label={`Remove diagnosis ${index + 1}`}
                  icon={<DeleteOutlined />}
                  onClick={() => remove(index)}
                />
                <DiagnosisLabel label={labelOf(codes[index])} n={index + 1} />
              </Space>
            ))}
            <div>
              <Button
                icon={<PlusOutlined />}
                disabled={fields.length >= MAX_DIAGNOSES}
                onClick={() => add('')}
              >
                Add diagnosis
              </Button>
            </div>
          </>
        )}
      </Form.List>
    </Card>
  );
}

function DiagnosisLabel({ label, n }: { label: CodeLabel | undefined; n: number }) {
  if (!label) return null;
  return (
    <Typography.Text
      type={label.valid ? 'secondary' : 'warning'}
      className="diagnosis-description"
      data-testid={`diagnosis-${n}-description`}
    >
      {label.text}
    </Typography.Text>
  );
}
