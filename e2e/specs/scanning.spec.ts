import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, findChromium } from '../support/chromium.mjs';
import { stationWithAdmin } from '../fixtures/people';
import { expect, test } from '../fixtures/station';
import { labelPicture, pdfOf, pngOf, writeY4m } from '../support/labels';
import { ScannerPage } from '../pages/ScannerPage';
import type { Station } from '../fixtures/station';

// The fake camera plays a video of a label, generated below (Chromium reads it when the camera
// starts, not at launch). Launch options force their own worker, so they apply to the whole file.
const video = join(mkdtempSync(join(tmpdir(), 'quai-camera-')), 'label.y4m');
test.use({
  launchOptions: {
    executablePath: findChromium() ?? undefined,
    args: [...chromiumArgs, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  },
});

test.beforeAll(async () => {
  writeY4m(video, await labelPicture('(01)03761234500007(17)261130(10)CAM-42', 'DataMatrix', 10));
});

async function openScannerPage(station: Station): Promise<ScannerPage> {
  const { shell } = await stationWithAdmin(station);
  await shell.openArea('scanner');
  const scanner = new ScannerPage(station.page);
  await scanner.expectOpen();
  return scanner;
}

/** How long a picture, a PDF page or the first camera frames may take to read on a busy machine. */
const decoding = 45_000;

const feedbackRead = (scanner: ScannerPage, kind: string, code: string): string =>
  scanner.t('scanning.feedback.read', { kind: scanner.t(`scanning.kinds.${kind}`), code });

test('a scan typed at scanner speed into a text field lands as a scan, not as text', async ({ station }) => {
  const scanner = await openScannerPage(station);
  const prefix = scanner.field('prefix');
  await prefix.click();
  await expect(prefix).toBeFocused();

  await scanner.scan('A-03-02-1');

  // Good news fades after a few seconds: it is checked first, the row of the scan stays.
  await expect(scanner.feedback('ok')).toContainText(feedbackRead(scanner, 'location', 'A-03-02-1'));
  await expect(scanner.received('wedge', 'location')).toContainText('A-03-02-1');
  // Not a character of it stayed in the field, and the Enter did not submit the settings form.
  await expect(prefix).toHaveValue('');
  await expect(prefix).toBeFocused();
  await expect(scanner.feedback('ok')).not.toContainText(scanner.t('scanning.settings.saved'));

  // The same field still takes a person's typing.
  await prefix.pressSequentially('#', { delay: 150 });
  await expect(prefix).toHaveValue('#');
});

test('a test scan shows what the scanner sends, and IT saves the settings it suggests', async ({ station }) => {
  const scanner = await openScannerPage(station);
  await scanner.testScan('010376123450000710LOT42', '21SN0001');

  const finding = scanner.finding();
  await expect(finding).toContainText(scanner.t('scanning.suffixes.enter'));
  await expect(finding).toContainText(scanner.t('scanning.gs.ctrl-bracket'));
  await expect(finding).toContainText(scanner.t('scanning.layout.ok'));
  // Every key is listed, control characters made visible.
  await expect(station.page.locator('.scanning-keys kbd', { hasText: '⟨GS⟩' })).toHaveCount(1);
  await expect(station.page.locator('.scanning-keys kbd', { hasText: '⏎ Enter' })).toHaveCount(1);
  // Nothing of the test scan reached the pipeline.
  await expect(scanner.allReceived()).toHaveCount(0);

  await scanner.button('common.save').click();
  await scanner.expectFeedback('ok', 'scanning.settings.saved');
});

test('a label photo or a PDF dropped on the window is read', async ({ station }) => {
  const scanner = await openScannerPage(station);
  const label = await labelPicture('(00)376123450000000016(02)03761234500007(37)24(10)LOT42', 'Code128', 3);

  await scanner.dropFile('supplier-label.png', 'image/png', await pngOf(label));
  // Reading a picture is long work on a busy machine: the wait is for its answer, not a speed.
  await expect(scanner.feedback('ok')).toContainText(scanner.t('scanning.kinds.sscc'), { timeout: decoding });
  await expect(scanner.received('image', 'sscc')).toContainText('376123450000000016');

  const item = await labelPicture('(01)03761234500007(17)271231(10)LOT-7', 'DataMatrix', 8);
  await scanner.dropFile('delivery-note.pdf', 'application/pdf', pdfOf(item));
  await expect(scanner.received('image', 'gtin')).toContainText('LOT-7', { timeout: decoding });

  await scanner.dropFile('notes.txt', 'text/plain', Buffer.from('hello'));
  await expect(scanner.feedback('error')).toContainText(scanner.t('scanning.file.notLabel', { name: 'notes.txt' }), { timeout: decoding });
});

test('a code typed by hand is checked before it is sent', async ({ station }) => {
  const scanner = await openScannerPage(station);
  await scanner.typeCode('3761234500008');
  await scanner.expectFeedback('error', 'scanning.manual.gtinCheckDigit');
  await expect(scanner.allReceived()).toHaveCount(0);

  await scanner.typeCode('3761234500007');
  await expect(scanner.received('manual', 'gtin')).toContainText('3761234500007');
});

test('the camera decodes a label held in front of it, once', async ({ station }) => {
  const scanner = await openScannerPage(station);
  await scanner.startCamera();
  await expect(scanner.feedback('ok')).toContainText(scanner.t('scanning.kinds.gtin'), { timeout: decoding });
  await expect(scanner.received('camera', 'gtin')).toContainText('CAM-42');
  // The label stays in view; more frames are read, but the code is not reported again.
  const frames = Number(await station.page.locator('[data-camera]').getAttribute('data-frames'));
  await expect.poll(async () => Number(await station.page.locator('[data-camera]').getAttribute('data-frames'))).toBeGreaterThan(frames + 3);
  await expect(scanner.received('camera', 'gtin')).toHaveCount(1);
});
