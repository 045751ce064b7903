import type { PersonData } from '../../../shared/sync/station-events';
import type { WriteHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import { appendAudit } from '../audit/repo';
import { insertUser } from '../auth/repo';
import { recordSiteException } from '../exceptions/repo';
import { appendEvent, changedHere, type OutboxActor } from '../sync/outbox';

/**
 * People belong to the site (issue #11): an admin creates, disables or changes a person once, on
 * any station, and the change travels through the centre as a `person.upserted` event carrying the
 * PIN's scrypt hash, never the PIN. Every station keeps them in `app_user` (its login works
 * offline); `person_id` is the id they are known by everywhere, `version` the centre's.
 */

type PersonRow = {
  person_id: string;
  badge: string;
  name: string;
  role: PersonData['role'];
  locale: PersonData['locale'];
  pin_hash: string;
  disabled_at: number | null;
};

/** The person as the site knows them, from this station's row. */
export function personOfUser(tx: WriteHandle, userId: number): PersonData {
  const row = tx.get<PersonRow>(sql`SELECT person_id, badge, name, role, locale, pin_hash, disabled_at FROM app_user WHERE id = ${userId}`);
  if (!row) throw new Error(`no user ${userId}`);
  return {
    personId: row.person_id,
    badge: row.badge,
    name: row.name,
    role: row.role,
    locale: row.locale,
    pinHash: row.pin_hash,
    disabled: row.disabled_at !== null,
  };
}

/** After a change to a person here, in its transaction: the other stations get it at their next pull. */
export function announcePerson(tx: WriteHandle, at: number, actor: OutboxActor, userId: number): void {
  appendEvent(tx, { type: 'person.upserted', at, actor, payload: personOfUser(tx, userId) });
}

/**
 * A person as the centre has them. A badge held here by another person (created on this station
 * while offline, and refused by the centre in favour of the one it got first) is set aside: renamed,
 * disabled, and reported to the shift lead, so that the site's one holder of the badge can log in.
 */
export function applyPulledPerson(
  tx: WriteHandle,
  person: Readonly<PersonData>,
  version: number,
  context: { readonly at: number; readonly generation: number },
  by: { readonly stationId: string; readonly name: string } | null,
): void {
  const held = tx.get<{ id: number; version: number }>(sql`SELECT id, version FROM app_user WHERE person_id = ${person.personId}`);
  if (held && context.generation === 0 && version < held.version) return;
  // A change made here the centre has not confirmed yet stays on top (as a task's events do): a pull
  // that crosses it (a language chosen, a PIN reset) must not undo it until the centre has answered.
  if (held && changedHere(tx, 'person.upserted', { path: '$.personId', value: person.personId })) {
    tx.run(sql`UPDATE app_user SET version = ${version} WHERE id = ${held.id}`);
    return;
  }
  noteChangeFromElsewhere(tx, person, context.at, by, held !== undefined);
  const other = tx.get<{ id: number; person_id: string }>(
    sql`SELECT id, person_id FROM app_user WHERE badge = ${person.badge} AND person_id <> ${person.personId}`,
  );
  if (other) {
    tx.run(sql`UPDATE app_user SET badge = ${`${person.badge}~${other.id}`}, disabled_at = coalesce(disabled_at, ${context.at}) WHERE id = ${other.id}`);
    recordSiteException(tx, context.at, {
      kind: 'BADGE_TAKEN',
      subject: person.badge,
      detail: { keptPerson: person.personId, setAsidePerson: other.person_id },
      cause: `${person.personId}:${other.person_id}`,
    });
  }
  const disabledAt = person.disabled ? context.at : null;
  if (!held) {
    const id = insertUser(tx, { ...person, createdAt: context.at, disabledAt });
    tx.run(sql`UPDATE app_user SET version = ${version} WHERE id = ${id}`);
    return;
  }
  tx.run(sql`
    UPDATE app_user SET badge = ${person.badge}, name = ${person.name}, role = ${person.role}, locale = ${person.locale},
      pin_hash = ${person.pinHash}, disabled_at = CASE WHEN ${person.disabled ? 1 : 0} = 1 THEN coalesce(disabled_at, ${disabledAt}) ELSE NULL END,
      version = ${version}
    WHERE id = ${held.id}`);
}

/** The audit names the station where a person was changed (issue #11): written here when it arrives. */
function noteChangeFromElsewhere(
  tx: WriteHandle,
  person: Readonly<PersonData>,
  at: number,
  by: { readonly stationId: string; readonly name: string } | null,
  known: boolean,
): void {
  const here = tx.get<{ station_id: string }>(sql`SELECT station_id FROM centre_connection WHERE id = 1`)?.station_id;
  if (!by || by.stationId === here) return;
  appendAudit(tx, at, {
    userId: null,
    action: 'site:person-changed',
    outcome: 'ok',
    target: `person:${person.personId}`,
    detail: { name: person.name, badge: person.badge, role: person.role, disabled: person.disabled, by: by.name, change: known ? 'changed' : 'created' },
    station: by.stationId,
  });
}
