import { Card, Empty, Typography } from 'antd';
import { Fragment, type ReactNode } from 'react';
import { noteSections } from './workspace.ts';

export interface ChartDocument {
  id: number;
  kind: string;
  title: string;
  text: string;
  authoredAt: string | null;
}

export interface Highlight {
  documentId?: number;
  start: number;
  end: number;
}

/** The text between start and end with the highlighted ranges marked. */
function marked(text: string, start: number, end: number, ranges: Highlight[]): ReactNode {
  const inside = ranges.filter((r) => r.start < end && r.end > start).sort((a, b) => a.start - b.start);
  const out: ReactNode[] = [];
  let at = start;
  inside.forEach((r, i) => {
    const from = Math.max(r.start, at);
    const to = Math.min(r.end, end);
    if (from > at) out.push(text.slice(at, from));
    if (to > from) out.push(<mark key={i}>{text.slice(from, to)}</mark>);
    at = Math.max(at, to);
  });
  if (at < end) out.push(text.slice(at, end));
  return out;
}

/** The chart's notes, each in its sections, with a suggestion's supporting words highlighted. */
export function NotePane({ documents, highlights }: { documents: ChartDocument[]; highlights: Highlight[] }) {
  if (documents.length === 0) return <Empty description="No notes on this encounter" />;
  return (
    <div data-testid="chart-notes">
      {documents.map((d) => {
        const ranges = highlights.filter((h) => h.documentId === undefined || h.documentId === d.id);
        return (
          <Card key={d.id} size="small" title={d.title} extra={d.authoredAt ?? d.kind} className="chart-note">
            {noteSections(d.text).map((s) => (
              <Fragment key={s.start}>
                {s.heading && <Typography.Text strong>{s.heading}</Typography.Text>}
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>
                  {marked(d.text, s.start + (s.heading ? s.heading.length + 1 : 0), s.end, ranges)}
                </Typography.Paragraph>
              </Fragment>
            ))}
          </Card>
        );
      })}
    </div>
  );
}
