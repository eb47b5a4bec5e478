import { describe, expect, it, vi } from 'vitest';
import { msUntilUtcHour, scheduleDaily } from './daily.ts';

describe('daily jobs', () => {
  it('counts to the next hour UTC, tomorrow once it has passed', () => {
    expect(msUntilUtcHour(new Date('2026-06-01T04:30:00Z'), 5)).toBe(30 * 60_000);
    expect(msUntilUtcHour(new Date('2026-06-01T05:00:00Z'), 5)).toBe(24 * 3_600_000);
  });

  it('queues the job at the hour, and nothing with a negative hour', () => {
    vi.useFakeTimers({ now: new Date('2026-06-01T04:00:00Z') });
    const enqueue = vi.fn((_job: string, ..._rest: unknown[]) => Promise.resolve('1'));
    const stop = scheduleDaily({ enqueue } as never, 'denials.refresh-queues', 5);
    scheduleDaily({ enqueue } as never, 'x', -1);
    vi.advanceTimersByTime(3_600_000);
    expect(enqueue).toHaveBeenCalledTimes(1);
    expect(enqueue.mock.calls[0]![0]).toBe('denials.refresh-queues');
    stop();
    vi.advanceTimersByTime(2 * 86_400_000);
    expect(enqueue).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });
});
