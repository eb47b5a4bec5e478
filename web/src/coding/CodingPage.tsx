import { Flex, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { todayIso } from '../../../src/shared/dates.ts';
import { CodeFinder, type PickedCode } from '../components/CodeFinder.tsx';
import { ValidateCodes } from './ValidateCodes.tsx';

/**
 * Code look-up for coders: search or the alphabetic index, a code's detail on the date of service
 * (the same finder as every code field), and checking a list of codes.
 */
export function CodingPage() {
  const [dos, setDos] = useState(todayIso());
  const [picked, setPicked] = useState<PickedCode>();

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Title level={3} className="page-title">
          Coding
        </Typography.Title>
        <Space>
          <Typography.Text>Date of service</Typography.Text>
          <Input
            type="date"
            aria-label="Date of service"
            value={dos}
            onChange={(e) => e.target.value && setDos(e.target.value)}
          />
        </Space>
      </Flex>
      <CodeFinder kind="any" dos={dos} picked={picked} onPicked={setPicked} onDos={setDos} />
      <ValidateCodes dos={dos} onPick={(code) => setPicked({ code })} />
    </Flex>
  );
}
