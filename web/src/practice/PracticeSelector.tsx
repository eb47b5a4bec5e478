import { BankOutlined } from '@ant-design/icons';
import { Select, Space } from 'antd';
import { usePractice } from './practice-context.ts';

export function PracticeSelector() {
  const { practices, current, choose } = usePractice();
  return (
    <Space>
      <BankOutlined />
      <Select
        aria-label="Practice"
        data-testid="practice-selector"
        className="practice-selector"
        value={current?.id}
        placeholder="No practice"
        onChange={choose}
        options={practices.map((p) => ({ value: p.id, label: p.name }))}
        popupMatchSelectWidth={false}
      />
    </Space>
  );
}
