import { createContext, useContext, type ReactNode } from 'react';
import type { Finding } from '../api/types.ts';
import type { Box } from './finding-boxes.ts';
import { FindingNotes } from './FindingNotes.tsx';

export interface FindingsAt {
  byBox: Map<Box, Finding[]>;
  onFix?: ((f: Finding) => void) | undefined;
  onOverride?: ((f: Finding) => void) | undefined;
}

export const FindingsContext = createContext<FindingsAt>({ byBox: new Map() });

/** The findings that belong beside one box, with their Fix and Override actions. */
export function BoxFindings({ box }: { box: Box }) {
  const { byBox, onFix, onOverride } = useContext(FindingsContext);
  return <FindingNotes findings={byBox.get(box)} onFix={onFix} onOverride={onOverride} />;
}

/** Whether the box has an open error or warning, to outline it in the finding's colour. */
export function useBoxSeverity(box: Box): 'error' | 'warning' | undefined {
  const open = (useContext(FindingsContext).byBox.get(box) ?? []).filter((f) => !f.overridden);
  if (open.some((f) => f.severity === 'error')) return 'error';
  return open.length ? 'warning' : undefined;
}

interface Props {
  /** The CMS-1500 box number, e.g. "21" or "1a". */
  n: string;
  label: string;
  /** The box whose findings are shown here, when any can be. */
  box?: Box;
  span?: number;
  children: ReactNode;
}

/** One CMS-1500 box: its number and caption, the value, and the findings about it. */
export function FormBox({ n, label, box, span = 1, children }: Props) {
  const severity = useBoxSeverity(box ?? 'claim');
  return (
    <div
      className={`cms-box${box && severity ? ` cms-box-${severity}` : ''}`}
      style={{ gridColumn: `span ${span}` }}
      data-box={n}
    >
      <div className="cms-box-label">
        <span className="cms-box-number">{n}</span> {label}
      </div>
      <div className="cms-box-value">{children ?? <span className="cms-empty">—</span>}</div>
      {box && <BoxFindings box={box} />}
    </div>
  );
}
