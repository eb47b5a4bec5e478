import { Col, Flex, Input, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { todayIso } from '../../../src/shared/dates.ts';
import type { CodeHit } from '../api/types.ts';
import { CodeDetail } from './CodeDetail.tsx';
import { CodeSearch } from './CodeSearch.tsx';
import { ValidateCodes } from './ValidateCodes.tsx';

/** Code look-up for coders: search, a code's detail on the date of service, and checking a list of codes. */
export function CodingPage() {
  const [dos, setDos] = useState(todayIso());
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<{ code: string; system?: string }>();

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
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <CodeSearch
            q={q}
            dos={dos}
            selected={picked?.code}
            onQuery={setQ}
            onPick={(hit: CodeHit) => setPicked({ code: hit.display, system: hit.system })}
          />
        </Col>
        <Col xs={24} lg={14}>
          <Flex vertical gap="middle">
            <CodeDetail
              code={picked?.code}
              system={picked?.system}
              dos={dos}
              onPick={(code) => setPicked({ code })}
            />
            <ValidateCodes dos={dos} onPick={(code) => setPicked({ code })} />
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
