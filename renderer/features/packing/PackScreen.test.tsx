// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrderToPack } from '../../../shared/ipc/packing';
import type { PackLine, PackView, ParcelView, Verified } from '../../../shared/packing';
import { fail, ok, type Result } from '../../../shared/result';
import type { Role } from '../../../shared/roles';
import { i18next } from '../../i18n';
import { api } from '../../lib/api';
import { activateSession, endSession } from '../../lib/session-scope';
import { emit } from '../../testing/main-events';
import { publishScan } from '../scanning/scans';
import { useFeedback } from '../../ui/feedback';
import { useSession } from '../session/store';
import { PackScreen } from './PackScreen';

vi.mock('../../ui/sounds', () => ({ playFeedback: () => undefined }));
vi.mock('../../lib/api', async () => ({
  api: { packing: { toPack: vi.fn(), open: vi.fn(), verify: vi.fn(), seal: vi.fn(), unpack: vi.fn(), parcels: vi.fn() }, scanner: { getSettings: vi.fn() } },
  onEvent: (await import('../../testing/main-events')).onEvent,
}));

const orderId = 'MP-261204-0000150';
const gtinA = '03760000000019';
const gtinB = '03760000000026';
const gtinElsewhere = '03760000000033';
const label = '6A12345678901';

const lineOf = (lineNo: number, sku: string, quantity: number): PackLine => ({
  lineNo,
  sku,
  description: { fr: `Coque ${sku}`, en: `Case ${sku}`, zh: `手机壳 ${sku}` },
  quantity,
  picked: quantity,
  verified: 0,
});
const lines = [lineOf(1, 'SKU-A', 2), lineOf(2, 'SKU-B', 1)];
const gtins: Readonly<Record<string, number>> = { [gtinA]: 1, [gtinB]: 2 };

/** The order as main sees it with these counts in the box. */
const viewWith = (verified: readonly Verified[]): PackView => {
  const counted = lines.map((line) => ({ ...line, verified: verified.find((entry) => entry.lineNo === line.lineNo)?.count ?? 0 }));
  return {
    orderId,
    runId: '01890000-0000-7000-8000-0000000000f1',
    toteSlot: 3,
    carrier: 'colissimo',
    service: 'domicile',
    cutoff: '2026-12-04T15:00:00.000Z',
    lines: counted,
    complete: counted.every((line) => line.verified >= line.quantity),
  };
};

const toPack: OrderToPack = {
  orderId,
  runId: '01890000-0000-7000-8000-0000000000f1',
  toteSlot: 3,
  carrier: 'colissimo',
  cutoff: '2026-12-04T15:00:00.000Z',
  units: 3,
  picked: 3,
};
const parcel: ParcelView = {
  sscc: '037600000000000017',
  orderId,
  carrier: 'colissimo',
  tracking: label,
  box: 'M',
  weightGrams: 1250,
  units: 3,
  short: 0,
  state: 'sealed',
  trailerId: null,
  packedBy: 'Sophie Laurent',
  packedAt: '2026-12-04T09:00:00.000Z',
};

/** What main answers to a scan: the counts plus this unit, or why not. */
function verifyAnswer(input: Parameters<typeof api.packing.verify>[0]): Result<PackView> {
  const lineNo = gtins[input.code];
  if (lineNo === undefined) return fail('ITEM_NOT_IN_ORDER', 'not in order', { sku: 'SKU-Z', orderId });
  const counts = input.verified.map((entry) => (entry.lineNo === lineNo ? { ...entry, count: entry.count + (input.count ?? 1) } : entry));
  const line = lines.find((candidate) => candidate.lineNo === lineNo);
  const count = counts.find((entry) => entry.lineNo === lineNo)?.count ?? 0;
  if (line && count > line.quantity) return fail('EXTRA_UNIT', 'too many', { sku: line.sku, quantity: line.quantity });
  return ok(viewWith(counts));
}

function logIn(role: Role): void {
  useSession.setState({
    session: { user: { id: 1, name: 'Sophie Laurent', role, locale: 'fr' }, locked: false, startedAt: '2026-12-04T08:00:00.000Z', idleLockSeconds: 300 },
  });
  activateSession();
}

/** Types into the step's scan field, as a wedge scanner does. */
async function scan(code: string): Promise<void> {
  const field = document.querySelector<HTMLInputElement>('input[data-scan-field]');
  if (!field) throw new Error('no scan field on this step');
  await userEvent.type(field, `${code}{Enter}`);
}
const step = (): string | null => document.querySelector('main.pack-screen')?.getAttribute('data-pack-step') ?? null;
const verifiedOn = (lineNo: number): string | null => document.querySelector(`tr[data-line="${lineNo}"]`)?.getAttribute('data-verified') ?? null;
const alertText = (): string => screen.getByRole('alert').textContent ?? '';

beforeEach(async () => {
  await i18next.changeLanguage('fr');
  vi.mocked(api.scanner.getSettings).mockResolvedValue(fail('NETWORK', 'not in this test'));
  vi.mocked(api.packing.toPack).mockResolvedValue(ok([toPack]));
  vi.mocked(api.packing.parcels).mockResolvedValue(ok([]));
  vi.mocked(api.packing.open).mockResolvedValue(ok(viewWith([])));
  vi.mocked(api.packing.verify).mockImplementation((input) => Promise.resolve(verifyAnswer(input)));
});
afterEach(() => {
  cleanup();
  endSession();
  useFeedback.getState().clear();
  vi.clearAllMocks();
});

describe('the pack station (issue #13)', () => {
  it('verifies each item with the counts so far, and a refused scan says why and changes nothing', async () => {
    logIn('picker');
    render(<PackScreen />);
    await screen.findByText(i18next.t('packing.pack.slotOrder', { slot: 3, orderId }));
    await scan(`ORD-${orderId}`);
    await waitFor(() => expect(step()).toBe('items'));
    expect(api.packing.open).toHaveBeenCalledWith({ code: `ORD-${orderId}` });
    expect(screen.getByText('Coque SKU-A')).toBeTruthy();

    await scan(gtinA);
    await waitFor(() => expect(verifiedOn(1)).toBe('1'));
    expect(api.packing.verify).toHaveBeenLastCalledWith({
      orderId,
      verified: [
        { lineNo: 1, count: 0 },
        { lineNo: 2, count: 0 },
      ],
      code: gtinA,
    });
    expect(screen.getByRole('status').textContent).toContain(i18next.t('packing.pack.verifiedLine', { count: 1, sku: 'SKU-A', verified: 1, quantity: 2 }));

    // Not the order's: said in words, the counts as they were.
    await scan(gtinElsewhere);
    await waitFor(() => expect(alertText()).toContain(i18next.t('errors.ITEM_NOT_IN_ORDER', { sku: 'SKU-Z', orderId })));
    expect(alertText()).toContain('Rien n’a été compté');
    expect(step()).toBe('items');
    expect(verifiedOn(1)).toBe('1');

    // One too many, keyed as a count of 2: refused the same way.
    await userEvent.clear(screen.getByLabelText(i18next.t('packing.pack.perScan'), { exact: false }));
    await userEvent.type(screen.getByLabelText(i18next.t('packing.pack.perScan'), { exact: false }), '2');
    await scan(gtinA);
    await waitFor(() => expect(alertText()).toContain(i18next.t('errors.EXTRA_UNIT', { sku: 'SKU-A', quantity: 2 })));
    expect(api.packing.verify).toHaveBeenLastCalledWith({
      orderId,
      verified: [
        { lineNo: 1, count: 1 },
        { lineNo: 2, count: 0 },
      ],
      code: gtinA,
      count: 2,
    });
    expect(verifiedOn(1)).toBe('1');

    // The next scan still sends what was counted before the refusals.
    await scan(gtinB);
    await waitFor(() => expect(verifiedOn(2)).toBe('1'));
    expect(vi.mocked(api.packing.verify).mock.lastCall?.[0].verified).toEqual([
      { lineNo: 1, count: 1 },
      { lineNo: 2, count: 0 },
    ]);
  });

  it('seals with the box, the weight in grams and the label scanned, a wrong label refused in words first', async () => {
    logIn('picker');
    vi.mocked(api.packing.seal)
      .mockResolvedValueOnce(fail('TRACKING_WRONG_CARRIER', 'wrong carrier', { found: 'dpd', carrier: 'colissimo' }))
      .mockResolvedValueOnce(ok(parcel));
    render(<PackScreen />);
    await scan(orderId);
    await waitFor(() => expect(step()).toBe('items'));
    await scan(gtinA);
    await scan(gtinA);
    await scan(gtinB);
    await waitFor(() => expect(step()).toBe('box'));
    expect(screen.getByRole('status').textContent).toContain(i18next.t('packing.pack.complete', { verified: 3, quantity: 3 }));

    // By keyboard: 3 is the third box (M); a weight in kg with a comma; Enter.
    const first = screen.getByRole('radio', { name: /XS/ });
    await waitFor(() => expect(document.activeElement).toBe(first));
    await userEvent.keyboard('3');
    expect(screen.getByRole<HTMLInputElement>('radio', { name: /^M/ }).checked).toBe(true);
    // Keyed at a person's pace (pasted here): typed as fast as a scanner, keys read as a scan (the label's).
    await userEvent.click(screen.getByLabelText(i18next.t('packing.pack.weight'), { exact: false }));
    await userEvent.paste('1,25');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(step()).toBe('label'));

    await scan('12345678901234');
    await waitFor(() => expect(alertText()).toContain('Mauvaise étiquette (DPD)\u202f: la commande part en Colissimo'));
    expect(step()).toBe('label');
    await scan(label);
    await waitFor(() => expect(step()).toBe('order'));
    expect(api.packing.seal).toHaveBeenLastCalledWith({
      orderId,
      verified: [
        { lineNo: 1, count: 2 },
        { lineNo: 2, count: 1 },
      ],
      box: 'M',
      weightGrams: 1250,
      label,
      short: false,
    });
    expect(screen.getByRole('status').textContent).toContain(i18next.t('packing.pack.sealed', { sscc: parcel.sscc, tracking: label, box: 'M' }));
    const sealed = document.querySelector('.pack-sealed');
    expect(sealed?.getAttribute('data-sscc')).toBe(parcel.sscc);
    expect(sealed?.querySelector('[data-field="tracking"]')?.textContent).toBe(label);
  });

  it('refuses a weight no carrier takes before main is asked, and seals without one when the label is scanned at once', async () => {
    logIn('picker');
    vi.mocked(api.packing.open).mockResolvedValue(
      ok(
        viewWith([
          { lineNo: 1, count: 2 },
          { lineNo: 2, count: 1 },
        ]),
      ),
    );
    vi.mocked(api.packing.seal).mockResolvedValue(ok({ ...parcel, box: 'XS', weightGrams: null }));
    render(<PackScreen />);
    await scan(orderId);
    await waitFor(() => expect(step()).toBe('box'));
    await userEvent.click(screen.getByRole('radio', { name: /XS/ }));
    const weight = screen.getByLabelText(i18next.t('packing.pack.weight'), { exact: false });
    await userEvent.click(weight);
    await userEvent.paste('31,5');
    await userEvent.keyboard('{Enter}');
    await screen.findByText(/Plus de 30\s?kg/);
    expect(step()).toBe('box');
    await userEvent.clear(weight);
    // The label scanned at once, without Next: sealed with the box chosen.
    act(() => void publishScan({ text: label, source: 'wedge' }));
    await waitFor(() => expect(api.packing.seal).toHaveBeenCalledWith(expect.objectContaining({ box: 'XS', weightGrams: null, label })));
    await waitFor(() => expect(step()).toBe('order'));
  });

  it('lets a shift lead pack short, and tells a picker only a shift lead may', async () => {
    const shortLines = [{ ...lines[0]!, picked: 1 }, lines[1]!];
    const shortView: PackView = { ...viewWith([]), lines: shortLines };
    vi.mocked(api.packing.open).mockResolvedValue(ok(shortView));
    vi.mocked(api.packing.verify).mockResolvedValue(ok({ ...shortView, lines: shortLines.map((line) => ({ ...line, verified: line.picked })) }));
    vi.mocked(api.packing.seal).mockResolvedValue(ok({ ...parcel, short: 1 }));

    logIn('picker');
    const { unmount } = render(<PackScreen />);
    await scan(orderId);
    await waitFor(() => expect(step()).toBe('items'));
    expect(document.querySelector('.notice-attention')?.textContent).toBe(i18next.t('packing.pack.shortLeadOnly'));
    expect(screen.queryByRole('button', { name: i18next.t('packing.pack.packShort') })).toBeNull();
    unmount();
    endSession();

    logIn('shift_lead');
    render(<PackScreen />);
    await scan(orderId);
    await waitFor(() => expect(step()).toBe('items'));
    await scan(gtinA);
    await userEvent.click(screen.getByRole('button', { name: i18next.t('packing.pack.packShort') }));
    await waitFor(() => expect(step()).toBe('box'));
    await userEvent.click(screen.getByRole('radio', { name: /^S/ }));
    await userEvent.click(screen.getByRole('button', { name: i18next.t('packing.pack.toLabel') }));
    await scan(label);
    await waitFor(() => expect(api.packing.seal).toHaveBeenCalledWith(expect.objectContaining({ box: 'S', short: true, weightGrams: null })));
  });

  it('lets a shift lead open a sealed parcel again with a reason, its label scanned', async () => {
    logIn('shift_lead');
    vi.mocked(api.packing.unpack).mockResolvedValue(ok({ ...parcel, state: 'unpacked' }));
    render(<PackScreen />);
    await userEvent.click(await screen.findByRole('button', { name: i18next.t('packing.unpack.open') }));
    // The parcel's label scanned goes into its field, wherever the focus is; the reason is typed (pasted here: typed this fast, keys read as a scan).
    act(() => void publishScan({ text: parcel.sscc, source: 'wedge' }));
    const reason = screen.getByLabelText(i18next.t('packing.unpack.reason'), { exact: false });
    await waitFor(() => expect(document.activeElement).toBe(reason));
    expect(screen.getByLabelText<HTMLInputElement>(i18next.t('packing.unpack.code'), { exact: false }).value).toBe(parcel.sscc);
    await userEvent.paste('Mauvais article');
    await userEvent.click(screen.getByRole('button', { name: i18next.t('packing.unpack.confirm') }));
    await waitFor(() => expect(api.packing.unpack).toHaveBeenCalledWith({ code: parcel.sscc, reason: 'Mauvais article' }));
    await waitFor(() => expect(useFeedback.getState().current?.text).toBe(i18next.t('packing.unpack.done', { sscc: parcel.sscc, orderId })));
    expect(api.packing.open).not.toHaveBeenCalled();
  });

  it('reads the orders to pack again when main says a parcel changed, and the next person starts clean', async () => {
    logIn('picker');
    render(<PackScreen />);
    await screen.findByText(i18next.t('packing.pack.slotOrder', { slot: 3, orderId }));
    expect(api.packing.toPack).toHaveBeenCalledTimes(1);
    vi.mocked(api.packing.toPack).mockResolvedValue(ok([]));
    emit('packing:changed', { ssccs: [parcel.sscc] });
    await screen.findByText(i18next.t('packing.pack.noneToPack'));

    await scan(orderId);
    await scan(gtinA);
    await waitFor(() => expect(verifiedOn(1)).toBe('1'));
    endSession();
    await waitFor(() => expect(step()).toBe('order'));
    expect(document.querySelector('tr[data-line]')).toBeNull();
  });
});
