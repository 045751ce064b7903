import { describe, expect, it } from 'vitest';
import { cutoffBoards, daySeries, forecast, hourMs, stepOf, type CutoffCount, type Rates, type StepCount } from './dashboard';

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
const cutoffAt = (hours: number) => new Date(at(hours)).toISOString();

describe('the boards per carrier and cutoff', () => {
  // Listed out of order: the boards come earliest cutoff first.
  const counts: CutoffCount[] = [
    { carrier: 'dpd', cutoff: cutoffAt(5.5), due: 2, picked: 0, packed: 0, dispatched: 0 },
    { carrier: 'chronopost', cutoff: cutoffAt(4), due: 2, picked: 2, packed: 1, dispatched: 0 },
  ];
  // In the last hour: 2 orders picked by 2 people, 1 packed by 1.
  const rates: Rates = { picked: { perHour: 2, people: 2 }, packed: { perHour: 1, people: 1 } };

  it('forecast each cutoff with the work of the earlier ones first', () => {
    const boards = cutoffBoards(counts, rates, at(2));
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
    expect(cutoffBoards(counts, rates, at(5))[1]?.forecast.pack).toMatchObject({ verdict: 'at_risk', extraPeople: 5 });
  });

  it('draw the day as cumulative orders per stage every 15 minutes up to now', () => {
    // Picked at 06:30 and 07:30, packed at 07:00: an instant on a step's end belongs to that step.
    const steps: StepCount[] = [
      { stage: 'picked', step: stepOf(at(1.5)), count: 1 },
      { stage: 'picked', step: stepOf(at(0.5)), count: 1 },
      { stage: 'packed', step: stepOf(at(1)), count: 1 },
    ];
    expect(stepOf(at(0.5))).toBe(at(0.5));
    expect(stepOf(at(0.5) + 1)).toBe(at(0.75));
    const series = daySeries(steps, at(0), at(1.5));
    expect(series.at).toHaveLength(6);
    expect(series.at.at(-1)).toBe(new Date(at(1.5)).toISOString());
    expect(series.picked).toEqual([0, 1, 1, 1, 1, 2]);
    expect(series.packed).toEqual([0, 0, 0, 1, 1, 1]);
    expect(series.dispatched).toEqual([0, 0, 0, 0, 0, 0]);
    // Now in the middle of a step: the last point is now, with what passed by then.
    const midway = daySeries([...steps, { stage: 'dispatched', step: stepOf(at(1.6)), count: 1 }], at(0), at(1.6));
    expect(midway.at.at(-1)).toBe(new Date(at(1.6)).toISOString());
    expect(midway.dispatched.at(-1)).toBe(1);
  });
});
