import { describe, expect, it } from 'vitest';
import { isValidSscc } from './barcode';
import { trackingNumber } from './barcode/parcel';
import { checkTracking, manifestCsv, serialDigits, ssccOf, type Manifest } from './packing';

describe('a carrier label scanned for an order', () => {
  const carriers = ['colissimo', 'chronopost', 'dpd', 'ups'] as const;

  it.each(carriers)('takes a %s number for an order of that carrier, in its format and with its check character', (carrier) => {
    const label = trackingNumber(carrier, 4242);
    const checked = checkTracking(` ${label.toLowerCase()} `, carrier);
    expect(checked.ok).toBe(true);
    // DPD's label carries the parcel number and a check character: the number is what identifies the parcel.
    expect(checked).toMatchObject({ tracking: carrier === 'dpd' ? label.slice(0, 14) : label });
  });

  it.each(carriers)('refuses a %s number for an order of every other carrier, naming what it is', (carrier) => {
    for (const other of carriers.filter((candidate) => candidate !== carrier)) {
      expect(checkTracking(trackingNumber(carrier, 7), other)).toMatchObject({ ok: false, code: 'TRACKING_WRONG_CARRIER', found: carrier });
    }
  });

  it('refuses a number whose check character is wrong', () => {
    const s10 = trackingNumber('colissimo', 1234); // CP000012343FR
    const wrongS10 = `${s10.slice(0, 10)}${(Number(s10[10]) + 1) % 10}FR`;
    expect(checkTracking(wrongS10, 'colissimo')).toMatchObject({ ok: false, code: 'TRACKING_CHECK' });
    const ups = trackingNumber('ups', 1234);
    expect(checkTracking(`${ups.slice(0, 17)}${(Number(ups[17]) + 1) % 10}`, 'ups')).toMatchObject({ ok: false, code: 'TRACKING_CHECK' });
    const dpd = trackingNumber('dpd', 1234);
    expect(checkTracking(`${dpd.slice(0, 14)}${dpd.endsWith('A') ? 'B' : 'A'}`, 'dpd')).toMatchObject({ ok: false, code: 'TRACKING_CHECK' });
  });

  it('refuses what is no tracking number at all', () => {
    expect(checkTracking('A-01-01-1', 'dpd')).toMatchObject({ ok: false, code: 'TRACKING_UNREADABLE' });
    expect(checkTracking('3760123456789', 'colissimo')).toMatchObject({ ok: false, code: 'TRACKING_UNREADABLE' });
  });
});

describe('SSCCs of a station block', () => {
  const block = { extension: 0, companyPrefix: '3012345' };

  it('are 18 digits with the GS1 check digit, the serial right-aligned after the company prefix', () => {
    expect(serialDigits('3012345')).toBe(9);
    const sscc = ssccOf(block, 42);
    expect(sscc).toHaveLength(18);
    expect(sscc.slice(0, 17)).toBe('03012345000000042');
    expect(isValidSscc(sscc)).toBe(true);
    // By hand: weights 3,1,3… from the right over 03012345000000042 → 6+4+5+12+3+6+1+3 = 40 → check digit 0.
    expect(sscc).toBe('030123450000000420');
  });

  it('are different for every serial and refuse one that does not fit', () => {
    const ssccs = new Set(Array.from({ length: 1000 }, (_, serial) => ssccOf(block, serial)));
    expect(ssccs.size).toBe(1000);
    expect(() => ssccOf(block, 1_000_000_000)).toThrow(RangeError);
    expect(() => ssccOf(block, -1)).toThrow(RangeError);
  });
});

describe('the carrier manifest as CSV', () => {
  it('has the trailer, then one row per parcel, then the missing orders with their reasons, quoted when needed', () => {
    const manifest: Manifest = {
      carrier: 'dpd',
      trailer: 'AB-123-CD',
      closedAt: '2026-12-05 11:20',
      count: 2,
      totalGrams: 1700,
      parcels: [
        { tracking: '05000000001123', sscc: '030123450000000013', orderId: 'ORD-1', weightGrams: 1200 },
        { tracking: '05000000002123', sscc: '030123450000000020', orderId: 'ORD-2', weightGrams: 500 },
      ],
      missing: [{ orderId: 'ORD-3', reason: 'box crushed, "repack" tomorrow' }],
    };
    expect(manifestCsv(manifest).split('\r\n')).toEqual([
      'carrier,trailer,closed_at,parcels,total_grams',
      'dpd,AB-123-CD,2026-12-05 11:20,2,1700',
      '',
      'tracking,sscc,order,weight_grams',
      '05000000001123,030123450000000013,ORD-1,1200',
      '05000000002123,030123450000000020,ORD-2,500',
      '',
      'missing_order,reason',
      'ORD-3,"box crushed, ""repack"" tomorrow"',
      '',
    ]);
  });
});
