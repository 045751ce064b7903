import { afterAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../shared/audit';
import type { AuditEntryView } from '../../../shared/ipc/audit';
import { i18next } from '../../i18n';
import { auditSentence } from './audit-text';

let id = 1;
const entry = (fields: Partial<AuditEntryView> & Pick<AuditEntryView, 'action'>): AuditEntryView => ({
  id: id++,
  station: null,
  at: '2026-11-27T08:00:00.000Z',
  user: { id: 1, name: 'Luc' },
  outcome: 'ok',
  target: null,
  targetName: null,
  detail: {},
  ...fields,
});

const say = async (locale: string, value: AuditEntryView): Promise<string> => {
  await i18next.changeLanguage(locale);
  return auditSentence(i18next.t, value);
};

afterAll(() => i18next.changeLanguage('fr'));

describe('the audit log in people’s words (issue #10)', () => {
  const created = entry({ action: 'auth:create-user', target: 'user:7', targetName: 'Marie', detail: { name: 'Marie', badge: 'B-7', role: 'picker' } });

  it('says who did what to whom, in the reader’s language', async () => {
    expect(await say('en', created)).toBe('Luc created user Marie, role Picker');
    expect(await say('fr', created)).toBe('Luc a créé l’utilisateur Marie, rôle Préparateur');
    expect(await say('zh-CN', created)).toBe('Luc 创建了用户 Marie，角色：拣货员');
    const role = entry({ action: 'auth:set-role', target: 'user:7', targetName: 'Marie', detail: { from: 'picker', to: 'shift_lead' } });
    expect(await say('en', role)).toBe('Luc changed the role of Marie: Picker → Shift lead');
  });

  it('agrees with its numbers and names places by their codes', async () => {
    const move = (quantity: number) =>
      entry({ action: 'stock:move', target: 'product:SKU-1', detail: { from: 'A-01-01-1', to: 'DOCK-01', lines: 1, quantity } });
    expect(await say('en', move(1))).toBe('Luc moved 1 unit from A-01-01-1 to DOCK-01');
    expect(await say('en', move(12))).toBe('Luc moved 12 units from A-01-01-1 to DOCK-01');
    expect(await say('fr', move(12))).toBe('Luc a déplacé 12 unités de A-01-01-1 vers DOCK-01');
  });

  it('says a refusal with what was refused and why, and reads an unknown action as a sentence', async () => {
    const refused = entry({ action: 'stock:adjust', outcome: 'refused', detail: { code: 'FORBIDDEN', role: 'picker' } });
    const text = await say('en', refused);
    expect(text).toContain('Refused to Luc: a stock adjustment');
    expect(text).toContain(i18next.t('errors.FORBIDDEN'));
    const nobody = entry({ action: 'auth:login', outcome: 'refused', user: null, detail: { code: 'BADGE_UNKNOWN' } });
    expect(await say('en', nobody)).toContain('Someone');
    const unknown = entry({ action: 'orders:next-day', detail: { a: 1 } });
    expect(await say('en', unknown)).toBe('Luc: orders:next-day');
  });

  it('says a parcel sealed and opened again, a trailer opened, loaded and closed, with the carrier by its name', async () => {
    const sealed = entry({
      action: 'packing:seal',
      target: 'parcel:037600000000000017',
      detail: { orderId: 'MP-1', tracking: 'EE123456785FR', box: 'M', units: 3, short: 0 },
    });
    expect(await say('en', sealed)).toBe('Luc sealed parcel 037600000000000017 of order MP-1: 3 units, box M, tracking EE123456785FR');
    const unpacked = entry({ action: 'packing:unpack', target: 'parcel:037600000000000017', detail: { orderId: 'MP-1', reason: 'wrong item' } });
    expect(await say('fr', unpacked)).toBe('Luc a rouvert le colis 037600000000000017 de la commande MP-1\u202f: wrong item');
    const opened = entry({ action: 'dispatch:open', target: 'trailer:t1', detail: { carrier: 'chronopost', label: 'AB-123-CD' } });
    expect(await say('en', opened)).toBe('Luc opened trailer AB-123-CD (Chronopost)');
    const closed = (missing: number) =>
      entry({ action: 'dispatch:close', target: 'trailer:t1', detail: { carrier: 'dpd', label: 'AB-123-CD', parcels: 12, missing } });
    expect(await say('en', closed(0))).toBe('Luc closed trailer AB-123-CD (DPD) with 12 parcels');
    expect(await say('en', closed(2))).toBe('Luc closed trailer AB-123-CD (DPD) with 12 parcels; orders missing: 2');
    const day = entry({ action: 'dashboard:close-day', target: 'day:2026-12-04', detail: { orders: 120, explained: 3 } });
    expect(await say('fr', day)).toBe('Luc a clôturé la journée 2026-12-04\u202f: 120 commandes, 3 justifiées');
  });

  it('has a sentence for everything main records by itself and for every audited operation, in every language, with nothing left raw', async () => {
    const recorded = [
      ...auditEvents,
      ...['auth:create-user', 'auth:set-role', 'auth:set-disabled', 'auth:reset-pin', 'auth:login', 'auth:logout', 'auth:unlock'],
      ...['setup:create-site', 'setup:join-site', 'scanner:save-settings', 'settings:update', 'sync:export-unsynced'],
      ...[
        'stock:move',
        'stock:adjust',
        'stock:import-locations',
        'stock:start-count',
        'stock:count-item',
        'stock:finish-count',
        'stock:approve-count',
        'stock:reject-count',
      ],
      ...['packing:seal', 'packing:unpack', 'dispatch:open', 'dispatch:load', 'dispatch:close', 'dashboard:close-day'],
    ];
    for (const locale of ['fr', 'en', 'zh-CN']) {
      for (const action of recorded) {
        const text = await say(
          locale,
          entry({ action, target: 'location:A-01', detail: { quantity: 2, units: 2, count: 2, next: 'matched', change: 'created' } }),
        );
        expect(text, `${locale} ${action}`).not.toContain(action);
        expect(text, `${locale} ${action}`).not.toMatch(/[{}]/);
      }
    }
  });
});
