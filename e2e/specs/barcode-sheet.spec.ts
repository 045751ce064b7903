import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { nodeReader } from '../../renderer/features/scanning/testing/zxing-node';
import { demoStation, demoWarehouse, unitGtin } from '../fixtures/demo';
import { expect, test } from '../fixtures/station';
import type { Person } from '../pages/LoginPage';
import { StockPage } from '../pages/StockPage';

// Issue #10: the demo site's scannable codes, as a printable sheet drawn by the app from its own mirror.
const picker: Person & { role: 'picker' } = { name: 'Paul Dubois', badge: 'BADGE-PCK01', pin: '1357', role: 'picker' };
const require = createRequire(import.meta.url);

async function sheetAsPicker(station: Parameters<typeof demoStation>[0]): Promise<StockPage> {
  const { login, shell } = await demoStation(station, [picker]);
  await login.logIn(picker);
  await shell.openArea('stock');
  const stock = new StockPage(station.page);
  await stock.openTab('codes');
  await expect(station.page.locator('.barcode-sheet [data-drawn]').first()).toBeVisible();
  await expect(station.page.locator('.barcode-sheet [data-drawn="drawing"]')).toHaveCount(0);
  return stock;
}

test('a picker prints the site’s codes, read from the mirror: locations, pallets, products and their GS1 forms', async ({ station }) => {
  const stock = await sheetAsPicker(station);
  const { page } = station;
  const shown = await page.locator('.barcode-sheet [data-barcode]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-barcode') ?? ''));

  const firstLocation = [...demoWarehouse.locations].sort((a, b) => a.walkOrder - b.walkOrder)[0];
  const firstPallet = [...demoWarehouse.pallets].sort((a, b) => a.sscc.localeCompare(b.sscc))[0];
  // The products shown are those stored at the sheet's locations first: the first pick face's own.
  const atFirst = demoWarehouse.looseStock.find((loose) => loose.locationCode === firstLocation?.code);
  const firstProduct = demoWarehouse.products.find((product) => product.sku === atFirst?.sku);
  expect(firstLocation && firstPallet && firstProduct).toBeTruthy();
  const gtin13 = firstProduct ? unitGtin(firstProduct) : '';
  expect(shown).toContain(firstLocation?.code);
  expect(shown).toContain(`(00)${firstPallet?.sscc}`);
  expect(shown).toContain(gtin13);
  expect(shown.some((code) => code.startsWith(`(01)0${gtin13}`))).toBe(true);
  // And a lot-tracked product with its lot, in its GS1 form.
  expect(shown.some((code) => /^\(01\)\d{14}\(10\).+/.test(code))).toBe(true);
  await expect(page.locator('.barcode-sheet [data-drawn="failed"]')).toHaveCount(0);
  // Each code on the sheet is one the station knows: looked up, it answers.
  for (const code of shown) expect((await stock.callOperation('stock:lookup', { code })).ok, code).toBe(true);

  // Printed, the sheet comes alone: no header, tabs or buttons; the labels and their text stay.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.shell-header')).toBeHidden();
  await expect(page.getByRole('tablist')).toBeHidden();
  await expect(stock.button('stock.sheet.print')).toBeHidden();
  await expect(page.locator('.barcode-sheet .barcode-text').first()).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await expect(stock.button('stock.sheet.print')).toBeVisible();
});

test('a barcode drawn on the sheet reads back, from a picture of the screen, as the code printed under it', async ({ station }) => {
  await sheetAsPicker(station);
  const { page } = station;
  const read = await nodeReader(new Uint8Array(readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'))).buffer);
  const firstLocation = [...demoWarehouse.locations].sort((a, b) => a.walkOrder - b.walkOrder)[0]?.code ?? '';
  const firstPallet = `(00)${[...demoWarehouse.pallets].sort((a, b) => a.sscc.localeCompare(b.sscc))[0]?.sscc ?? ''}`;

  const stored = demoWarehouse.looseStock.find((loose) => loose.locationCode === firstLocation)?.sku;
  const product = demoWarehouse.products.find((candidate) => candidate.sku === stored);
  const gtin13 = product ? unitGtin(product) : '';

  for (const [code, symbology] of [
    [firstLocation, ']C0'],
    [firstPallet, ']C1'],
    [gtin13, ']E0'],
  ] as const) {
    const label = page.locator(`.barcode-sheet figure[data-barcode="${code}"]`).first();
    await expect(label.locator('.barcode-text')).toHaveText(code);
    const picture = await label.locator('img').screenshot();
    const results = await read(new Uint8Array(picture), { formats: ['Code128', 'EAN13'], textMode: 'HRI', tryHarder: true, maxNumberOfSymbols: 1 });
    expect(results.map((result) => [result.symbologyIdentifier, result.text])).toEqual([[symbology, code]]);
  }
});
