import { dollars } from '../lists/format.ts';

interface Props {
  labels: string[];
  /** cents per bucket */
  values: number[];
}

const WIDTH = 640;
const HEIGHT = 220;
const TOP = 24;
const BOTTOM = 36;
const GAP = 24;

/** The aging buckets as plain SVG bars (antd draws no charts; a chart library is not worth five bars). */
export function AgingChart({ labels, values }: Props) {
  const max = Math.max(1, ...values);
  const barWidth = (WIDTH - GAP * (labels.length + 1)) / labels.length;
  const plot = HEIGHT - TOP - BOTTOM;
  const summary = labels.map((l, i) => `${l} days ${dollars(values[i] ?? 0)}`).join(', ');
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      style={{ maxWidth: WIDTH }}
      role="img"
      aria-label={`A/R by age: ${summary}`}
      data-testid="aging-chart"
    >
      <line x1={0} x2={WIDTH} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} stroke="#bfbfbf" />
      {labels.map((label, i) => {
        const value = Math.max(0, values[i] ?? 0);
        const h = (value / max) * plot;
        const x = GAP + i * (barWidth + GAP);
        const y = HEIGHT - BOTTOM - h;
        return (
          <g key={label}>
            <rect
              x={x}
              y={y}
              width={barWidth}
              height={h}
              rx={3}
              fill={i >= 3 ? '#cf1322' : i === 2 ? '#fa8c16' : '#1677ff'}
            />
            <text x={x + barWidth / 2} y={y - 6} textAnchor="middle" fontSize={12}>
              {dollars(values[i] ?? 0)}
            </text>
            <text x={x + barWidth / 2} y={HEIGHT - BOTTOM + 18} textAnchor="middle" fontSize={12}>
              {label} days
            </text>
          </g>
        );
      })}
    </svg>
  );
}
