import { Alert, Breadcrumb, Card, Empty, Flex, Input, Segmented, Spin, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { IndexTable } from '../../../src/codesets/book/indexBook.ts';
import type { CrossReference, IndexLookup } from '../../../src/codesets/book/lookUp.ts';
import { IndexEntryPanel } from './IndexEntryPanel.tsx';
import { IndexTermTitle } from './IndexTermTitle.tsx';
import { keysAlong, treeNodes, type IndexTreeNode } from './indexTree.ts';
import { useCodeIndex, type IndexSystem } from './useCodeIndex.ts';
import './IndexBrowser.css';

interface Props {
  system: IndexSystem;
  dos: string;
  onPick(code: string): void;
}

const BOOKS: { value: IndexTable; label: string }[] = [
  { value: 'index', label: 'Diseases' },
  { value: 'drug', label: 'Drugs' },
  { value: 'neoplasm', label: 'Neoplasms' },
  { value: 'external-cause', label: 'External causes' },
];
/** The whole subtree of the entry shown, so expanding never waits. */
const TREE_DEPTH = 40;

interface Place {
  term: string;
  path: string[];
}

/** The root of the tree: the entry found, shown as a node so it can be chosen like its subterms. */
function rootNode(result: IndexLookup): IndexTreeNode[] {
  const e = result.entry;
  if (!e) return [];
  const term = {
    title: e.title,
    nonessential: e.nonessential,
    codes: e.codes,
    childCount: e.children.length,
  };
  return [
    { key: 'root', path: [], term, isLeaf: e.children.length === 0, children: treeNodes(e.children, 'root') },
  ];
}

function statusText(r: IndexLookup, dos: string): string | undefined {
  if (r.status === 'no-release') return `No ${r.system} release imported covers ${dos}`;
  if (r.status === 'not-imported')
    return `This book is not imported (imported: ${r.available.join(', ') || 'none'})`;
  if (r.status === 'not-found') return 'No main term starts with that';
  return undefined;
}

/** The alphabetic index as a coder uses the book: main term, subterms, the code verified, "see" followed. */
export function IndexBrowser({ system, dos, onPick }: Props) {
  const [table, setTable] = useState<IndexTable>('index');
  const [text, setText] = useState('');
  const [place, setPlace] = useState<Place>();
  const [selected, setSelected] = useState<string[]>([]);
  const [expanded, setExpanded] = useState<string[]>(['root']);
  const tree = useCodeIndex(
    place && { system, table, dos, term: place.term, path: place.path, depth: TREE_DEPTH },
  );
  const result = tree.result;
  const trail = useMemo(() => result?.trail.map((t) => t.title) ?? [], [result]);
  const entryQuery =
    selected.length > 0 && trail.length > 0
      ? { system, table, dos, term: trail[0]!, path: [...trail.slice(1), ...selected], depth: 1 }
      : undefined;
  const chosen = useCodeIndex(entryQuery);
  const nodes = useMemo(() => (result ? rootNode(result) : []), [result]);

  const goTo = (next: Place, nextTable = table) => {
    setTable(nextTable);
    setText(next.term);
    setPlace(next);
    setSelected([]);
    setExpanded(['root']);
  };
  const follow = (ref: CrossReference) =>
    goTo({ term: ref.trail[0] ?? ref.text, path: ref.trail.slice(1) }, ref.table ?? table);
  const entry = selected.length ? chosen.result?.entry : result?.entry;
  const selectedKey = (selected.length && keysAlong(nodes[0]?.children ?? [], selected).at(-1)) || 'root';
  const message = result && statusText(result, dos);

  return (
    <Card size="small" title="Alphabetic index" data-testid="index-browser">
      <Flex vertical gap="small">
        {system === 'ICD-10-CM' && (
          <Segmented<IndexTable>
            aria-label="Index book"
            options={BOOKS}
            value={table}
            onChange={(t) => (setTable(t), setSelected([]))}
          />
        )}
        <Input.Search
          aria-label="Main term"
          placeholder={
            system === 'ICD-10-PCS'
              ? 'Root operation or procedure (e.g. Resection)'
              : 'Main term (e.g. asthma, Acetaminophen)'
          }
          allowClear
          value={text}
          loading={tree.loading}
          onChange={(e) => (
            setText(e.target.value),
            setPlace({ term: e.target.value, path: [] }),
            setSelected([])
          )}
        />
        {tree.error && <Alert type="warning" showIcon title={tree.error} />}
        {message && <Alert type="info" showIcon title={message} />}
        {result && result.mainTerms.length > 0 && (
          <Flex wrap gap={8} data-testid="index-main-terms">
            <Typography.Text type="secondary">
              {result.status === 'found' ? 'Also:' : 'Main terms:'}
            </Typography.Text>
            {result.mainTerms.map((m) => (
              <Typography.Link key={m.title} onClick={() => goTo({ term: m.title, path: [] })}>
                {m.title}
              </Typography.Link>
            ))}
          </Flex>
        )}
        {trail.length > 1 && (
          <Breadcrumb
            items={trail.map((title, i) => ({
              title: (
                <Typography.Link onClick={() => goTo({ term: trail[0]!, path: trail.slice(1, i + 1) })}>
                  {title}
                </Typography.Link>
              ),
            }))}
          />
        )}
        {nodes.length > 0 ? (
          <Tree<IndexTreeNode>
            className="index-tree"
            data-testid="index-tree"
            treeData={nodes}
            height={360}
            blockNode
            expandedKeys={expanded}
            selectedKeys={[selectedKey]}
            onExpand={(keys) => setExpanded(keys.map(String))}
            onSelect={(_, { node }) => {
              setSelected(node.path);
              if (!node.isLeaf && !expanded.includes(node.key)) setExpanded([...expanded, node.key]);
            }}
            titleRender={(node) => <IndexTermTitle term={node.term} />}
          />
        ) : (
          !result && !tree.loading && <Empty description="Type a main term" />
        )}
        {chosen.loading && <Spin size="small" />}
        {entry && <IndexEntryPanel entry={entry} onPick={onPick} onFollow={follow} />}
      </Flex>
    </Card>
  );
}
