// The states as a tile grid: one equal square per state, placed roughly where it lies. Chosen over a
// drawn map (react-simple-maps + us-atlas) because small states (DC, RI, DE) stay as large and as
// clickable as Texas, each tile is a button a keyboard reaches, and no geometry or package is loaded.
import { Tooltip } from 'antd';

/** [row, column] of each tile (50 states, DC, then the territories BLS also publishes). */
const TILES: Record<string, [number, number]> = {
  AK: [0, 0],
  ME: [0, 11],
  VT: [1, 10],
  NH: [1, 11],
  WA: [2, 1],
  ID: [2, 2],
  MT: [2, 3],
  ND: [2, 4],
  MN: [2, 5],
  IL: [2, 6],
  WI: [2, 7],
  MI: [2, 8],
  NY: [2, 9],
  RI: [2, 10],
  MA: [2, 11],
  OR: [3, 1],
  NV: [3, 2],
  WY: [3, 3],
  SD: [3, 4],
  IA: [3, 5],
  IN: [3, 6],
  OH: [3, 7],
  PA: [3, 8],
  NJ: [3, 9],
  CT: [3, 10],
  CA: [4, 1],
  UT: [4, 2],
  CO: [4, 3],
  NE: [4, 4],
  MO: [4, 5],
  KY: [4, 6],
  WV: [4, 7],
  VA: [4, 8],
  MD: [4, 9],
  DE: [4, 10],
  AZ: [5, 2],
  NM: [5, 3],
  KS: [5, 4],
  AR: [5, 5],
  TN: [5, 6],
  NC: [5, 7],
  SC: [5, 8],
  DC: [5, 9],
  OK: [6, 4],
  LA: [6, 5],
  MS: [6, 6],
  AL: [6, 7],
  GA: [6, 8],
  HI: [7, 0],
  TX: [7, 4],
  FL: [7, 9],
  GU: [8, 0],
  PR: [8, 10],
  VI: [8, 11],
};

export interface StateTile {
  state: string;
  name: string;
  /** Annual mean in cents, or null where BLS published a code. */
  value: number | null;
  label: string;
}

/** Five shades from the lowest to the highest mean (quintiles of the states shown). */
const SHADES = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];

export function StateTileMap(props: {
  tiles: StateTile[];
  selected?: string;
  onSelect: (state: string) => void;
}) {
  const values = props.tiles
    .map((t) => t.value)
    .filter((v): v is number => v !== null)
    .sort((a, b) => a - b);
  const shade = (v: number | null) => {
    if (v === null || values.length === 0) return '#f0f0f0';
    const rank = values.findIndex((x) => x >= v) / values.length;
    return SHADES[Math.min(SHADES.length - 1, Math.floor(rank * SHADES.length))]!;
  };
  return (
    <div
      role="group"
      aria-label="Mean annual wage by state"
      style={{ display: 'grid', gridTemplateColumns: 'repeat(12, minmax(0, 1fr))', gap: 4, maxWidth: 720 }}
    >
      {props.tiles.map((t) => {
        const at = TILES[t.state];
        if (!at) return null;
        const dark = shade(t.value) === SHADES[3] || shade(t.value) === SHADES[4];
        return (
          <Tooltip key={t.state} title={`${t.name}: ${t.label}`}>
            <button
              type="button"
              data-testid={`state-tile-${t.state}`}
              aria-label={`${t.name}: ${t.label}`}
              aria-pressed={props.selected === t.state}
              onClick={() => props.onSelect(t.state)}
              style={{
                gridRow: at[0] + 1,
                gridColumn: at[1] + 1,
                aspectRatio: '1',
                border: props.selected === t.state ? '2px solid #fa8c16' : '1px solid #fff',
                borderRadius: 4,
                background: shade(t.value),
                color: dark ? '#fff' : '#000',
                cursor: 'pointer',
                fontSize: 11,
                lineHeight: 1.1,
                padding: 0,
              }}
            >
              <strong>{t.state}</strong>
              <br />
              {t.value === null ? '–' : `${Math.round(t.value / 100_000)}k`}
            </button>
          </Tooltip>
        );
      })}
    </div>
  );
}
