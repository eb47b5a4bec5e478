import { Button, Col, Flex, Row, Segmented, Tabs } from 'antd';
import { useState } from 'react';
import { CodeDetail } from '../coding/CodeDetail.tsx';
import { CodeSearch } from '../coding/CodeSearch.tsx';
import { IndexBrowser } from '../coding/IndexBrowser.tsx';
import type { IndexSystem } from '../coding/useCodeIndex.ts';
import { KIND_INDEX, KIND_SYSTEMS, type CodeKind } from './codeKinds.ts';

export interface PickedCode {
  code: string;
  system?: string;
}

interface Props {
  kind: CodeKind;
  dos: string;
  /** the search box starts with this (the code or words already in the field) */
  initialQuery?: string;
  /** when given, the detail has a "Use" button for a valid code */
  onUse?(code: string): void;
  /** the code whose detail is shown, when the page holds it (the Coding page's validate box sets it too) */
  picked?: PickedCode | undefined;
  onPicked?(picked: PickedCode): void;
  /** when given (the Coding page), the search offers a date its latest loaded release answers for */
  onDos?(dos: string): void;
}

/** Finding a code three ways: search as you type, the alphabetic index, and the tabular detail beside. */
export function CodeFinder({ kind, dos, initialQuery = '', onUse, onDos, ...props }: Props) {
  const [q, setQ] = useState(initialQuery);
  const [own, setOwn] = useState<PickedCode>();
  const picked = props.onPicked ? props.picked : own;
  const setPicked = props.onPicked ?? setOwn;
  const [indexSystem, setIndexSystem] = useState<IndexSystem | undefined>(KIND_INDEX[kind]);
  const systems = KIND_SYSTEMS[kind];
  const pick = (code: string, system?: string) => setPicked(system ? { code, system } : { code });

  const tabs = [
    {
      key: 'search',
      label: 'Search',
      children: (
        <CodeSearch
          q={q}
          dos={dos}
          systems={systems}
          selected={picked?.code}
          onQuery={setQ}
          onPick={(hit) => pick(hit.display.replace(/-$/, ''), hit.system)}
          {...(onDos ? { onDos } : {})}
        />
      ),
    },
    ...(indexSystem
      ? [
          {
            key: 'index',
            label: 'Index',
            children: (
              <Flex vertical gap="small">
                {kind === 'any' && (
                  <Segmented<IndexSystem>
                    aria-label="Index of"
                    options={['ICD-10-CM', 'ICD-10-PCS']}
                    value={indexSystem}
                    onChange={setIndexSystem}
                  />
                )}
                <IndexBrowser
                  key={indexSystem}
                  system={indexSystem}
                  dos={dos}
                  onPick={(code) => pick(code, indexSystem)}
                />
              </Flex>
            ),
          },
        ]
      : []),
  ];

  return (
    <Row gutter={[16, 16]} data-testid="code-finder">
      <Col xs={24} lg={11}>
        <Tabs items={tabs} size="small" />
      </Col>
      <Col xs={24} lg={13}>
        <CodeDetail
          code={picked?.code}
          system={picked?.system}
          dos={dos}
          onPick={(code) => pick(code, picked?.system)}
          extra={(view) =>
            onUse && (
              <Button type="primary" size="small" disabled={!view.valid} onClick={() => onUse(view.display)}>
                Use {view.display}
              </Button>
            )
          }
        />
      </Col>
    </Row>
  );
}
