import { stationWithAdmin } from '../fixtures/people';
import { expect, test } from '../fixtures/station';
import { StockPage } from '../pages/StockPage';

const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

test('an admin imports locations from a CSV: every error first, nothing written, then a clean file', async ({ station }) => {
  const { shell, admin } = await stationWithAdmin(station);
  await shell.openArea('admin');
  await admin.openTab('locations');
  const file = station.page.locator('input[name=locations-file]');
  // The file picker speaks the station's language, not the browser's.
  await expect(admin.button('locations.chooseFile')).toBeVisible();
  await expect(station.page.getByText(admin.t('locations.noFile'))).toBeVisible();

  // French Excel writes semicolons; a bad type and a repeated code are both reported, with their lines.
  await file.setInputFiles(csvFile('bad.csv', 'code;type;zone;walk_order\nZ-01-01-1;shelf;Z;10\nZ-01-01-1;storage;Z;11\n'));
  await expect(station.page.getByText('bad.csv')).toBeVisible();
  const errors = station.page.locator('.import-errors li');
  await expect(errors).toHaveCount(2);
  await expect(errors.first()).toContainText(
    admin
      .t('locations.error', { line: 2, field: admin.t('locations.fields.type'), problem: admin.t('locations.problems.type_unknown', { types: '' }) })
      .replace(/\s*$/, ''),
  );
  await expect(errors.nth(1)).toContainText(
    admin.t('locations.error', { line: 3, field: admin.t('locations.fields.code'), problem: admin.t('locations.problems.code_repeated', { otherLine: 2 }) }),
  );
  await expect(station.page.getByRole('button', { name: admin.t('locations.import', { count: 1 }) })).toHaveCount(0);

  await file.setInputFiles(csvFile('good.csv', 'code,type,zone,walk_order\nZ-01-01-1,storage,Z,10\nZ-01-02-1,storage,Z,11\n'));
  await expect(station.page.locator('tbody tr')).toHaveCount(2);
  await station.page.getByRole('button', { name: admin.t('locations.import', { count: 2 }) }).click();
  await admin.expectFeedback('ok', 'locations.imported', { count: 2 });

  await shell.openArea('stock');
  const stock = new StockPage(station.page);
  await stock.lookUp('Z-01-02-1');
  await expect(stock.header('location')).toContainText('Z-01-02-1');
});
