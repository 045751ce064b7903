import { describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql';
import { createSetUpStation } from '../testing/core';
import { findException, listSiteExceptions, recordSiteException } from './repo';

describe('the site exceptions of a station', () => {
  it('raises one per cause, as an event for the centre, and leaves a damaged row out of the list instead of failing', async () => {
    const s = await createSetUpStation();
    const raise = () =>
      s.core.db.write((tx) =>
        recordSiteException(tx, Date.parse('2026-12-04T08:00:00.000Z'), {
          kind: 'SHORT_PICK',
          subject: 'SKU-1@A-01-01-1',
          location: 'A-01-01-1',
          detail: { quantity: 2, nested: { no: 'objects' }, [`${'k'.repeat(41)}`]: 'too long a key' },
          cause: 'pick-1',
        }),
      );
    expect(raise()).toBe('SHORT_PICK:pick-1');
    expect(raise()).toBe('SHORT_PICK:pick-1');
    expect(s.core.db.read.all(sql`SELECT type, json_extract(payload, '$.exceptionId') AS id FROM outbox WHERE type LIKE 'exception.%'`)).toEqual([
      { type: 'exception.raised', id: 'SHORT_PICK:pick-1' },
    ]);
    expect(findException(s.core.db.read, 'SHORT_PICK:pick-1')?.data.detail).toEqual({ quantity: 2 });

    s.core.db.write((tx) =>
      tx.run(sql`INSERT INTO site_exception (at, kind, subject, exception_id, data) VALUES (1, 'SHORT_PICK', 'x', 'damaged', '{not json')`),
    );
    expect(listSiteExceptions(s.core.db.read, 'open', 10).map((exception) => exception.exceptionId)).toEqual(['SHORT_PICK:pick-1']);
    expect(findException(s.core.db.read, 'damaged')).toBeNull();
  });
});
