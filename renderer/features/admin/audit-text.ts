import type { TFunction } from 'i18next';
import type { AuditEntryView } from '../../../shared/ipc/audit';
import { i18next } from '../../i18n';
import { formatDateTime } from '../../lib/format';

type Vars = Record<string, string | number>;

/** `location:A-01-01-1` → `A-01-01-1`; a person by name when main knows them. */
function targetOf(entry: Readonly<AuditEntryView>): string {
  if (entry.targetName) return entry.targetName;
  return entry.target?.replace(/^[a-z]+:/, '') ?? '';
}

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const roleName = (t: TFunction, role: unknown): string => (typeof role === 'string' && i18next.exists(`roles.${role}`) ? t(`roles.${role}`) : text(role));

/**
 * The key of an entry's sentence and what it says. `auth:create-user` → `audit.events.auth.create-user`
 * (a colon is i18next's namespace separator); an entry whose sentence depends on its detail (enabled
 * or disabled, created or changed) picks its own key.
 */
function sentenceOf(t: TFunction, entry: Readonly<AuditEntryView>): { key: string; vars: Vars } {
  const d = entry.detail;
  const base: Vars = { target: targetOf(entry) };
  const key = `audit.events.${entry.action.replace(':', '.')}`;
  switch (entry.action) {
    case 'auth:create-user':
      return { key, vars: { ...base, name: text(d['name']), role: roleName(t, d['role']) } };
    case 'auth:set-role':
      return { key, vars: { ...base, from: roleName(t, d['from']), to: roleName(t, d['to']) } };
    case 'auth:set-disabled':
      return { key: d['disabled'] === false ? 'audit.events.auth.enabled' : 'audit.events.auth.disabled', vars: base };
    case 'auth:badge-locked':
      return { key, vars: { ...base, until: typeof d['until'] === 'string' ? formatDateTime(d['until']) : '' } };
    case 'site:person-changed':
      return {
        key: d['change'] === 'created' ? 'audit.events.site.person-created' : key,
        vars: { ...base, name: text(d['name']), role: roleName(t, d['role']), by: text(d['by']) },
      };
    case 'setup:create-site':
      return { key, vars: { ...base, name: text(d['name']), admin: text(d['admin']) } };
    case 'stock:move':
      return { key, vars: { ...base, count: Number(d['quantity'] ?? 0), quantity: text(d['quantity']), from: text(d['from']), to: text(d['to']) } };
    case 'stock:adjust':
      return {
        key,
        vars: { ...base, delta: Number(d['delta']) > 0 ? `+${text(d['delta'])}` : text(d['delta']), location: text(d['location']), reason: text(d['reason']) },
      };
    case 'stock:import-locations':
      return { key, vars: { created: text(d['created']), updated: text(d['updated']) } };
    case 'stock:count-item':
      return { key, vars: { ...base, count: Number(d['units'] ?? 0), units: text(d['units']), sku: text(d['sku']) } };
    case 'stock:finish-count': {
      const next = text(d['next']);
      return {
        key,
        vars: { ...base, round: text(d['round']), result: i18next.exists(`stock.countStatus.${next}`) ? t(`stock.countStatus.${next}`) : t('audit.recount') },
      };
    }
    case 'stock:approve-count':
    case 'stock:reject-count':
      return { key, vars: { ...base, reason: text(d['reason']) } };
    case 'exceptions:resolve':
      return { key, vars: { ...base, subject: text(d['subject']), action: t(`exceptions.act.${text(d['action'])}`, { defaultValue: text(d['action']) }) } };
    case 'picking:rerun':
      return { key, vars: { ...base, count: Number(d['units'] ?? 0), units: text(d['units']), sku: text(d['sku']), orderId: text(d['orderId']) } };
    case 'packing:seal':
      return {
        key,
        vars: {
          ...base,
          count: Number(d['units'] ?? 0),
          units: text(d['units']),
          orderId: text(d['orderId']),
          box: text(d['box']),
          tracking: text(d['tracking']),
        },
      };
    case 'packing:unpack':
      return { key, vars: { ...base, orderId: text(d['orderId']), reason: text(d['reason']) } };
    case 'dispatch:open':
      return { key, vars: { ...base, label: text(d['label']), carrier: t(`orders.carriers.${text(d['carrier'])}`, { defaultValue: text(d['carrier']) }) } };
    case 'dispatch:load':
      return { key, vars: { ...base, orderId: text(d['orderId']), trailer: text(d['trailer']) } };
    case 'dispatch:close':
      return {
        key: Number(d['missing'] ?? 0) > 0 ? 'audit.events.dispatch.close-missing' : key,
        vars: {
          ...base,
          count: Number(d['parcels'] ?? 0),
          parcels: text(d['parcels']),
          missing: text(d['missing']),
          label: text(d['label']),
          carrier: t(`orders.carriers.${text(d['carrier'])}`, { defaultValue: text(d['carrier']) }),
        },
      };
    case 'dashboard:close-day':
      return { key, vars: { ...base, orders: text(d['orders']), explained: text(d['explained']) } };
    case 'sync:export-unsynced':
      return { key, vars: { count: Number(d['count'] ?? 0), file: text(d['file']) } };
    default:
      return { key, vars: base };
  }
}

/** What the action is called, for a refusal or the generic sentence: its own name, else its code. */
export function actionName(t: TFunction, action: string): string {
  const key = `audit.actions.${action.replace(':', '.')}`;
  return i18next.exists(key) ? t(key) : action;
}

/**
 * One sentence in the reader's language per entry (issue #10): "Luc created user Marie, role
 * picker", never the code and its JSON. A refusal says what was refused and why (the error's own
 * words); an action with no sentence of its own still reads as one.
 */
export function auditSentence(t: TFunction, entry: Readonly<AuditEntryView>): string {
  const who = entry.user?.name ?? t('audit.someone');
  if (entry.outcome !== 'ok') {
    const code = text(entry.detail['code']);
    const reason = code && i18next.exists(`errors.${code}`) ? t(`errors.${code}`, { ...entry.detail, retryAt: '', code: targetOf(entry) || code }) : '';
    return t(entry.outcome === 'refused' ? 'audit.refused' : 'audit.failed', {
      who,
      action: actionName(t, entry.action),
      reason: reason || t('audit.noReason'),
    });
  }
  const { key, vars } = sentenceOf(t, entry);
  if (i18next.exists(key) || i18next.exists(`${key}_other`)) return t(key, { ...vars, who });
  return t('audit.generic', { who, action: actionName(t, entry.action) });
}
