import { describe, expect, it } from 'vitest';
import { applyExceptionEvent, type ExceptionData } from './site-exceptions';

const trolley = { personId: 'p-1', name: 'Paul Picker', stationId: 'TROLLEY' };
const office = { personId: 'p-2', name: 'Léa Lead', stationId: 'OFFICE' };
const raised = {
  type: 'exception.raised',
  payload: { exceptionId: 'SHORT_PICK:pick-1', kind: 'SHORT_PICK', subject: 'SKU-0001@A-01-01-1', location: 'A-01-01-1', detail: { quantity: 2 } },
} as const;

const open = (): ExceptionData => {
  const applied = applyExceptionEvent(null, raised, { actor: trolley, at: '2026-12-04T08:00:00.000Z' });
  if (!applied.ok) throw new Error(applied.refusal.code);
  return applied.value;
};

describe('the reducer of the site exceptions', () => {
  it('raises one open exception, and raising it again changes nothing', () => {
    const exception = open();
    expect(exception).toMatchObject({ state: 'open', raisedBy: trolley, raisedAt: '2026-12-04T08:00:00.000Z', resolution: null });
    expect(applyExceptionEvent(exception, raised, { actor: office, at: '2026-12-04T09:00:00.000Z' })).toEqual({ ok: true, value: exception });
  });

  it('keeps the first resolution and refuses the next with who settled it; an action that does not settle the kind is refused', () => {
    const resolve = (action: 'accept_short' | 'recount' | 'acknowledge') =>
      ({ type: 'exception.resolved', payload: { exceptionId: 'SHORT_PICK:pick-1', action, note: 'n', taskId: null, runId: null } }) as const;
    expect(applyExceptionEvent(open(), resolve('acknowledge'), { actor: office, at: 'x' })).toMatchObject({
      ok: false,
      refusal: { code: 'ACTION_NOT_ALLOWED' },
    });
    const first = applyExceptionEvent(open(), resolve('accept_short'), { actor: office, at: '2026-12-04T09:00:00.000Z' });
    if (!first.ok) throw new Error(first.refusal.code);
    expect(first.value).toMatchObject({ state: 'resolved', resolution: { action: 'accept_short', by: office, at: '2026-12-04T09:00:00.000Z' } });
    expect(applyExceptionEvent(first.value, resolve('recount'), { actor: trolley, at: 'y' })).toMatchObject({
      ok: false,
      refusal: { code: 'EXCEPTION_RESOLVED', message: expect.stringContaining('Léa Lead (OFFICE)') },
    });
    expect(applyExceptionEvent(null, resolve('accept_short'), { actor: office, at: 'z' })).toMatchObject({
      ok: false,
      refusal: { code: 'EXCEPTION_NOT_FOUND' },
    });
  });
});
