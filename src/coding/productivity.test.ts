import { describe, expect, it } from 'vitest';
import { measureProductivity, type WorkEvent } from './productivity.ts';

const at = (hhmm: string) => new Date(`2026-11-02T${hhmm}:00Z`);
const ev = (
  userId: number,
  codingChartId: number,
  chartType: string,
  kind: string,
  hhmm: string,
): WorkEvent => ({
  userId,
  codingChartId,
  chartType,
  kind,
  at: at(hhmm),
});

// Coder 1 codes two office visits (8 and 6 minutes) and holds a surgery after an hour away from it;
// coder 2 takes 30 minutes over one visit.
const events: WorkEvent[] = [
  ev(1, 1, 'em-visit', 'claim', '09:00'),
  ev(1, 1, 'em-visit', 'code-add', '09:02'),
  ev(1, 1, 'em-visit', 'code-add', '09:04'),
  ev(1, 1, 'em-visit', 'suggestion-accept', '09:05'),
  ev(1, 1, 'em-visit', 'code-add', '09:05'), // the accepted suggestion saved as a code
  ev(1, 1, 'em-visit', 'code-add', '09:05'),
  ev(1, 1, 'em-visit', 'code-remove', '09:06'),
  ev(1, 1, 'em-visit', 'send', '09:08'),
  ev(1, 2, 'em-visit', 'claim', '09:10'),
  ev(1, 2, 'em-visit', 'code-add', '09:12'),
  ev(1, 2, 'em-visit', 'code-add', '09:14'),
  ev(1, 2, 'em-visit', 'send', '09:16'),
  ev(1, 3, 'surgery', 'claim', '09:20'),
  ev(1, 3, 'surgery', 'code-add', '09:25'),
  ev(1, 3, 'surgery', 'code-add', '10:25'),
  ev(1, 3, 'surgery', 'hold', '10:30'),
  ev(2, 4, 'em-visit', 'claim', '09:00'),
  ev(2, 4, 'em-visit', 'code-add', '09:15'),
  ev(2, 4, 'em-visit', 'send', '09:30'),
];

describe('measureProductivity', () => {
  const report = measureProductivity(events);

  it('counts charts and lines an hour by chart type from the events alone', () => {
    const [one] = report.coders;
    expect(one?.byType).toEqual([
      {
        chartType: 'em-visit',
        charts: 2,
        lines: 5,
        hours: 0.23,
        chartsPerHour: 8.57,
        linesPerHour: 21.43,
        minutesPerChart: 7,
        touched: 2,
        held: 0,
        holdRate: 0,
      },
      // 5 minutes, the hour away capped at 15, then 5: 25 minutes.
      expect.objectContaining({
        chartType: 'surgery',
        charts: 0,
        hours: 0.42,
        touched: 1,
        held: 1,
        holdRate: 1,
      }),
    ]);
    expect(one?.total).toMatchObject({
      charts: 2,
      lines: 5,
      hours: 0.65,
      chartsPerHour: 3.08,
      holdRate: 0.333,
    });
  });

  it('adds coders together per chart type', () => {
    expect(report.byType[0]).toMatchObject({
      chartType: 'em-visit',
      charts: 3,
      lines: 6,
      minutesPerChart: 14.7,
    });
    expect(report.total).toMatchObject({ charts: 3, touched: 4, held: 1, holdRate: 0.25 });
  });

  it('leaves out who queued a chart (an import) or released it (the provider answering a query)', () => {
    const withOthers = measureProductivity([
      ev(7, 1, 'em-visit', 'queued', '08:50'),
      ...events,
      ev(8, 3, 'surgery', 'release', '10:40'),
      ev(8, 3, 'surgery', 'release', '10:50'),
    ]);
    expect(withOthers.coders.map((c) => c.userId)).toEqual([1, 2]);
    expect(withOthers.total).toEqual(report.total);
  });

  it('gives zeros, not NaN, to a coder who only opened a chart', () => {
    const only = measureProductivity([ev(5, 9, 'procedure', 'open', '09:00')]);
    expect(only.total).toMatchObject({
      charts: 0,
      hours: 0,
      chartsPerHour: 0,
      minutesPerChart: 0,
      holdRate: 0,
    });
  });
});
