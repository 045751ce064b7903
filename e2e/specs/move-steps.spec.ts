import { aPickFace, aProductNotAt, aStoredPallet, demoStation, dock, unitGtin } from '../fixtures/demo';
import { expect, test } from '../fixtures/station';
import type { Person } from '../pages/LoginPage';
import { StockPage } from '../pages/StockPage';

// Issue #10: a refused scan never advances a move, and each step is checked when it is taken.
const receiver: Person & { role: 'receiver' } = { name: 'Rita Moreau', badge: 'BADGE-RCV01', pin: '2468', role: 'receiver' };
const unknownGtin = '4006381333931';

async function moving(station: Parameters<typeof demoStation>[0]): Promise<StockPage> {
  const { login, shell } = await demoStation(station, [receiver]);
  await login.logIn(receiver);
  await shell.openArea('stock');
  const stock = new StockPage(station.page);
  await stock.openTab('move');
  return stock;
}

/** What main holds for a code, asked the way the page asks it. */
async function held(stock: StockPage, code: string): Promise<unknown> {
  const answer = (await stock.callOperation('stock:lookup', { code })) as { ok: boolean; value?: { lines: unknown[] } };
  return answer.value?.lines;
}

async function palletAt(stock: StockPage, sscc: string): Promise<unknown> {
  const answer = (await stock.callOperation('stock:lookup', { code: sscc })) as { ok: boolean; value?: { location: string } };
  return answer.value?.location;
}

test('an unknown GTIN at the item step, from a pallet, keeps the step and moves nothing', async ({ station }) => {
  const stock = await moving(station);
  const pallet = aStoredPallet();
  const before = await held(stock, pallet.sscc);
  await stock.scanInto('move-from', pallet.sscc);
  await stock.expectStep('move', 'item');
  await expect(stock.page.locator('[data-move-contents]')).toContainText(pallet.lines[0]?.sku ?? '');

  await stock.scanInto('move-item', unknownGtin);
  await stock.expectFeedback('error', 'errors.PRODUCT_NOT_FOUND', { code: unknownGtin });
  await stock.expectStep('move', 'item');
  // The next scan, a destination, is the whole pallet: it still needs a yes, and nothing moved so far.
  await stock.scanInto('move-item', dock());
  await stock.expectStep('move', 'confirm');
  expect(await held(stock, pallet.sscc)).toEqual(before);
});

test('a nonexistent origin is refused at once, naming the code; the next scan fixes it', async ({ station }) => {
  const stock = await moving(station);
  await stock.scanInto('move-from', 'Z-99-99-9');
  await stock.expectFeedback('error', 'errors.LOCATION_NOT_FOUND', { code: 'Z-99-99-9' });
  await stock.expectStep('move', 'from');
  const { loose } = aPickFace();
  await stock.scanInto('move-from', loose.locationCode);
  await stock.expectStep('move', 'item');
  await expect(stock.page.locator('[data-step-id="from"]')).toContainText(loose.locationCode);
});

test('an item not stored at the origin is refused at the item step', async ({ station }) => {
  const stock = await moving(station);
  const { loose } = aPickFace();
  const elsewhere = unitGtin(aProductNotAt(loose.locationCode));
  await stock.scanInto('move-from', loose.locationCode);
  await stock.expectStep('move', 'item');
  await stock.scanInto('move-item', elsewhere);
  await stock.expectFeedback('error', 'errors.ITEM_NOT_HERE', { code: elsewhere, from: loose.locationCode });
  await stock.expectStep('move', 'item');
});

test('1,000,000 units are refused at the quantity step, and 9,999,999 by the form before main is asked', async ({ station }) => {
  const stock = await moving(station);
  const { loose, product } = aPickFace();
  await stock.scanInto('move-from', loose.locationCode);
  await stock.expectStep('move', 'item');
  await stock.scanInto('move-item', unitGtin(product));
  await stock.expectStep('move', 'quantity');
  await stock.enterQuantity(9_999_999);
  await expect(stock.page.getByText(stock.t('forms.fields.quantity.too_big', { maximum: 1_000_000 }))).toBeVisible();
  await stock.enterQuantity(1_000_000);
  await stock.expectFeedback('error', 'errors.INSUFFICIENT_STOCK', { available: loose.quantity, requested: 1_000_000 });
  await stock.expectStep('move', 'quantity');
  await stock.enterQuantity(1);
  await stock.expectStep('move', 'to');
});

test('a whole-pallet move shows what is on it and moves only once confirmed, by the button as by a second scan', async ({ station }) => {
  const stock = await moving(station);
  const pallet = aStoredPallet();
  const units = pallet.lines.reduce((sum, line) => sum + line.quantity, 0);
  await stock.scanInto('move-from', pallet.sscc);
  await stock.scanInto('move-item', dock());
  await stock.expectStep('move', 'confirm');
  await expect(stock.page.locator('.step-prompt')).toHaveText(stock.t('stock.move.confirmPallet', { code: pallet.sscc, units, to: dock() }));
  await expect(stock.page.locator('[data-move-contents]')).toContainText(String(pallet.lines[0]?.quantity));
  expect(await palletAt(stock, pallet.sscc)).toBe(pallet.locationCode);
  await stock.button('stock.move.confirm').click();
  await stock.expectFeedback('ok', 'stock.moved', { quantity: units, from: pallet.sscc, to: dock() });
  await stock.expectStep('move', 'from');
  expect(await palletAt(stock, pallet.sscc)).toBe(dock());
});

test('an answer of one to three lines never moves the scan field at 1366×768', async ({ station }) => {
  const { page } = station;
  await page.setViewportSize({ width: 1366, height: 768 });
  const stock = await moving(station);
  const field = page.locator('input[name="move-from"]');
  await expect(field).toBeFocused();
  const top = async (): Promise<number | undefined> => (await field.boundingBox())?.y;
  const before = await top();
  const lines = (): Promise<number> =>
    page
      .locator('.step-message > span:not(.step-message-icon)')
      .evaluate((node) => Math.round(node.getBoundingClientRect().height / parseFloat(getComputedStyle(node).lineHeight)));

  await stock.scanInto('move-from', 'QQQ');
  await stock.expectFeedback('error', 'errors.UNKNOWN_BARCODE', { code: 'QQQ' });
  expect(await lines()).toBe(1);
  expect(await top()).toBe(before);

  // A code that names nothing, typed with spaces: the answer quotes it whole, on three lines.
  const long = 'NOT A CODE OF THIS SITE AT ALL, TYPED IN BY HAND';
  await stock.scanInto('move-from', long);
  await stock.expectFeedback('error', 'errors.UNKNOWN_BARCODE', { code: long });
  expect(await lines()).toBe(3);
  expect(await top()).toBe(before);
});
