/** The one date type at the edges of the X12 layer: ISO calendar date "YYYY-MM-DD" (no time zone). */
export type IsoDate = string;

/** CCYYMMDD → YYYY-MM-DD (kept as given when not 8 digits, so nothing is lost). */
export function fromX12Date(v: string): IsoDate {
  return /^\d{8}$/.test(v) ? `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}` : v;
}

/** YYYY-MM-DD → CCYYMMDD. */
export function toX12Date(d: IsoDate): string {
  return d.replace(/-/g, '');
}

/** A DTP period: D8 "20240101" or RD8 "20240101-20240105". */
export interface DatePeriod {
  from: IsoDate;
  to?: IsoDate;
}

export function fromPeriod(format: string, value: string): DatePeriod {
  if (format === 'RD8') {
    const [a, b] = value.split('-');
    return { from: fromX12Date(a ?? ''), to: fromX12Date(b ?? '') };
  }
  return { from: fromX12Date(value) };
}

export function toPeriod(p: DatePeriod): [string, string] {
  return p.to !== undefined ? ['RD8', `${toX12Date(p.from)}-${toX12Date(p.to)}`] : ['D8', toX12Date(p.from)];
}
