import { describe, expect, it } from 'vitest';
import { cutoffBoards, daySeries, forecast, hourMs, type Activity, type OrderProgress } from './dashboard';

describe('the forecast for a cutoff', () => {
  it('is on track when the last hour’s rate gets the remaining work done before the cutoff', () => {
    // 30 orders left, 40 an hour, 1.5 h left: 60 would be done.
    expect(forecast(30, 40, 2, 1.5)).toMatchObject({ verdict: 'on_track', extraPeople: 0 });
  });

  it('says how many more people it takes, at the rate each person did in the last hour', () => {
    // 120 left, 2 people did 40 in the hour (20 each), 2 h left: one person does 40 by the cutoff → 3 people, 1 more.
    expect(forecast(120, 40, 2, 2)).toMatchObject({ verdict: 'at_risk', extraPeople: 1 });
    // 121 left: 121 / 40 = 3.03 → 4 people, 2 more.
    expect(forecast(121, 40, 2, 2)).toMatchObject({ verdict: 'at_risk', extraPeople: 2 });
  });

  it('cannot say without a rate, and is late when the cutoff has passed with work left', () => {
    expect(forecast(10, 0, 0, 3)).toMatchObject({ verdict: 'no_rate', extraPeople: null });
    expect(forecast(10, 50, 3, -0.25)).toMatchObject({ verdict: 'late', extraPeople: null, hoursLeft: 0 });
    expect(forecast(0, 0, 0, -1)).toMatchObject({ verdict: 'done', extraPeople: 0 });
  });
});

const at = (hours: number) => Date.parse('2026-12-05T06:00:00Z') + hours * hourMs;
const order = (
  orderId: string,
  carrier: string,
  cutoffHours: number,
  picked: number | null,
  packed: number | null,
  dispatched: number | null,
): OrderProgress => ({
  orderId,
  carrier,
  cutoff: new Date(at(cutoffHours)).toISOString(),
  picked: picked === null ? null : at(picked),
  packed: packed === null ? null : at(packed),
  dispatched: dispatched === null ? null : at(dispatched),
});

describe('the boards per carrier and cutoff', () => {
  const orders = [
    order('A', 'chronopost', 4, 0.5, 1, null),
    order('B', 'chronopost', 4, 1.5, null, null),
    order('C', 'dpd', 5.5, null, null, null),
    order('D', 'dpd', 5.5, null, null, null),
  ];
  const activity: Activity[] = [
    { stage: 'picked', at: at(1.5), personId: 'p1' },
    { stage: 'picked', at: at(1.75), personId: 'p2' },
    { stage: 'picked', at: at(0.2), personId: 'p1' }, // more than an hour before now: not in the rate
    { stage: 'packed', at: at(1.25), personId: 'k1' },
  ];

  it('count each stage per cutoff and forecast each cutoff with the work of the earlier ones first', () => {
    const boards = cutoffBoards(orders, activity, at(2));
    expect(boards.map((board) => [board.carrier, board.due, board.picked, board.packed, board.dispatched])).toEqual([
      ['chronopost', 2, 2, 1, 0],
      ['dpd', 2, 0, 0, 0],
    ]);
    // Chronopost at 10:00 (2 h left): nothing left to pick; 1 to pack at 1 an hour by 1 person → on track.
    expect(boards[0]?.forecast.pick).toMatchObject({ remaining: 0, verdict: 'done' });
    expect(boards[0]?.forecast.pack).toMatchObject({ remaining: 1, perHour: 1, people: 1, verdict: 'on_track' });
    // DPD at 11:30 (3.5 h left): 2 to pick at 2 an hour → on track; 3 to pack (the chronopost one first) at 1 an hour → 3.5 done: on track.
    expect(boards[1]?.forecast.pick).toMatchObject({ remaining: 2, perHour: 2, people: 2, verdict: 'on_track' });
    expect(boards[1]?.forecast.pack).toMatchObject({ remaining: 3, verdict: 'on_track' });
    // Half an hour before the DPD truck, 3 to pack at 1 an hour by one packer: 5 more people (6 × 0.5 = 3).
    expect(
      cutoffBoards(
        orders,
        activity.map((entry) => ({ ...entry, at: entry.at + 3 * hourMs })),
        at(5),
      )[1]?.forecast.pack,
    ).toMatchObject({
      verdict: 'at_risk',
      extraPeople: 5,
    });
  });

  it('draw the day as cumulative orders per stage every 15 minutes up to now', () => {
    const series = daySeries(orders, at(0), at(1.5));
    expect(series.at).toHaveLength(6);
    expect(series.at.at(-1)).toBe(new Date(at(1.5)).toISOString());
    expect(series.picked).toEqual([0, 1, 1, 1, 1, 2]);
    expect(series.packed).toEqual([0, 0, 0, 1, 1, 1]);
    expect(series.dispatched).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
