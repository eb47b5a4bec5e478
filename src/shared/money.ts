// One money type: integer cents. Parsing and formatting never pass through floating point.
export type Cents = number;

export function parseDollars(text: string): Cents {
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) throw new Error(`not a dollar amount: ${JSON.stringify(text)}`);
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -cents : cents;
}

export function formatDollars(cents: Cents): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** For people: 176650 → "$1,766.50", -500 → "-$5.00" (digits grouped, never through floating point). */
export function formatUsd(cents: Cents): string {
  const [whole = '0', frac = '00'] = formatDollars(Math.abs(cents)).split('.');
  return `${cents < 0 ? '-' : ''}$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}
