// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { endSession } from '../../lib/session-scope';
import { createFlowStore, type StepAnswer } from './flow';

vi.mock('../sounds', () => ({ playFeedback: () => undefined }));

type Step = 'a' | 'b' | 'c';
type Values = { readonly scanned: readonly string[] };
let flows = 0;
const newFlow = () => createFlowStore<Step, Values>(`test.flow.${++flows}`, { step: 'a', values: { scanned: [] } });
const next: Record<Step, Step> = { a: 'b', b: 'c', c: 'c' };

/** A step that main accepts unless the code is "bad". */
const scan =
  (code: string) =>
  (state: { step: Step; values: Values }): Promise<StepAnswer<Step, Values>> =>
    Promise.resolve(
      code === 'bad'
        ? { ok: false, message: { kind: 'error', error: { code: 'LOCATION_NOT_FOUND', message: 'no', details: { code } } } }
        : { ok: true, step: next[state.step], values: { scanned: [...state.values.scanned, code] } },
    );

describe('a flow of steps', () => {
  it('keeps the step when main refuses it, and says why', async () => {
    const flow = newFlow();
    await flow.getState().take(scan('A-01'));
    await flow.getState().take(scan('bad'));
    expect(flow.getState()).toMatchObject({ step: 'b', values: { scanned: ['A-01'] }, message: { kind: 'error', error: { code: 'LOCATION_NOT_FOUND' } } });
    await flow.getState().take(scan('B-02'));
    expect(flow.getState()).toMatchObject({ step: 'c', values: { scanned: ['A-01', 'B-02'] }, message: null });
  });

  it('goes back one step, or to a confirmed step, to take it again', async () => {
    const flow = newFlow();
    await flow.getState().take(scan('A-01'));
    await flow.getState().take(scan('B-02'));
    flow.getState().back();
    expect(flow.getState()).toMatchObject({ step: 'b', values: { scanned: ['A-01'] } });
    await flow.getState().take(scan('B-03'));
    flow.getState().revisit('a');
    expect(flow.getState()).toMatchObject({ step: 'a', values: { scanned: [] }, trail: [] });
  });

  it('takes scans one after the other, each on the step the one before left', async () => {
    const flow = newFlow();
    let release: () => void = () => undefined;
    const slow = (code: string) => async (state: { step: Step; values: Values }) => {
      await new Promise<void>((resolve) => (release = resolve));
      return scan(code)(state);
    };
    const first = flow.getState().take(slow('A-01'));
    const second = flow.getState().take(scan('B-02'));
    expect(flow.getState().step).toBe('a');
    await vi.waitFor(() => expect(flow.getState().busy).toBe(true));
    release();
    await Promise.all([first, second]);
    expect(flow.getState()).toMatchObject({ step: 'c', values: { scanned: ['A-01', 'B-02'] } });
  });

  it('drops what main answers after the person left, and every flow starts clean', async () => {
    const flow = newFlow();
    await flow.getState().take(scan('A-01'));
    let release: () => void = () => undefined;
    const pending = flow.getState().take(async (state) => {
      await new Promise<void>((resolve) => (release = resolve));
      return scan('B-02')(state);
    });
    const queued = flow.getState().take(scan('C-03'));
    await vi.waitFor(() => expect(flow.getState().busy).toBe(true));
    endSession();
    release();
    await Promise.all([pending, queued]);
    expect(flow.getState()).toMatchObject({ step: 'a', values: { scanned: [] }, message: null, trail: [], busy: false });
  });

  it('follows what main says changed, unless a step was answered while it was read', async () => {
    const flow = newFlow();
    await flow.getState().take(scan('A-01'));
    // Read before a scan, answered after it: the scan's newer answer stays.
    let answer: (change: (current: { step: Step; values: Values }) => { step: Step; values: Values }) => void = () => undefined;
    const stale = flow.getState().follow(() => new Promise((resolve) => (answer = resolve)));
    await flow.getState().take(scan('B-02'));
    answer(() => ({ step: 'a', values: { scanned: ['elsewhere'] } }));
    await stale;
    expect(flow.getState()).toMatchObject({ step: 'c', values: { scanned: ['A-01', 'B-02'] } });
    // Read with nothing answered meanwhile: applied; a flow that ended says why and starts over.
    await flow.getState().follow(() => Promise.resolve((current) => ({ ...current, values: { scanned: [...current.values.scanned, 'seen'] } })));
    expect(flow.getState().values.scanned).toEqual(['A-01', 'B-02', 'seen']);
    await flow.getState().follow(() => Promise.resolve({ finished: { kind: 'attention', key: 'picking.pick.paused' } }));
    expect(flow.getState()).toMatchObject({ step: 'a', values: { scanned: [] }, message: { kind: 'attention', key: 'picking.pick.paused' }, trail: [] });
  });
});
