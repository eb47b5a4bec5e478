import type { IndexChild, TermLabel } from '../../../src/codesets/book/lookUp.ts';

/** A subterm in the tree, with the titles that lead to it from the entry shown at the root. */
export interface IndexTreeNode {
  key: string;
  path: string[];
  term: IndexChild;
  children?: IndexTreeNode[];
  isLeaf: boolean;
}

/** The subterms as tree nodes; keys follow positions, so equal titles under one term stay apart. */
export function treeNodes(
  children: readonly IndexChild[],
  parentKey = '',
  parentPath: string[] = [],
): IndexTreeNode[] {
  return children.map((term, i) => {
    const key = `${parentKey}/${i}`;
    const path = [...parentPath, term.title];
    return {
      key,
      path,
      term,
      isLeaf: term.childCount === 0,
      ...(term.children ? { children: treeNodes(term.children, key, path) } : {}),
    };
  });
}

/** Keys of the nodes along a path of titles (as far as they are in the tree). */
export function keysAlong(nodes: readonly IndexTreeNode[], titles: readonly string[]): string[] {
  const keys: string[] = [];
  let level: readonly IndexTreeNode[] | undefined = nodes;
  for (const title of titles) {
    const hit: IndexTreeNode | undefined = level?.find(
      (n) => n.term.title.toLowerCase() === title.toLowerCase(),
    );
    if (!hit) break;
    keys.push(hit.key);
    level = hit.children;
  }
  return keys;
}

export const labelText = (t: TermLabel) => [t.title, ...t.nonessential].join(' ');
