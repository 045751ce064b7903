import type { ReadHandle, WriteHandle } from '../platform/db/connection';
import { sql } from '../platform/db/sql';
import type { LocationData, PersonData, SiteData } from '../../shared/sync/station-events';
import type { TaskData } from '../../shared/sync/site-records';
import type { ExceptionData } from '../../shared/sync/site-exceptions';
import type { ParcelData, TrailerData } from '../../shared/sync/site-parcels';
import { recordChange, type Origin } from './changes';

/**
 * What the site owns (ADR 0007): its layout, its people, its name and time zone, its shared tasks
 * and exceptions, its parcels and trailers (ADR 0010).
 * Stations change them by events; the centre keeps the current state of each with a version that
 * grows by one per change, and announces every change in the change log for the other stations.
 */

type Versioned<T> = { readonly version: number; readonly data: T };

const parse = <T>(row: { version: number; data: string } | undefined): Versioned<T> | null =>
  row ? { version: row.version, data: JSON.parse(row.data) as T } : null;

export function findLocation(read: ReadHandle, code: string): Versioned<LocationData> | null {
  return parse(read.get(sql`SELECT version, data FROM location WHERE code = ${code}`));
}

export function writeLocation(tx: WriteHandle, location: Readonly<LocationData>, origin: Origin | null = null): void {
  const version = (findLocation(tx, location.code)?.version ?? 0) + 1;
  tx.run(sql`
    INSERT INTO location (code, data, version) VALUES (${location.code}, ${JSON.stringify(location)}, ${version})
    ON CONFLICT (code) DO UPDATE SET data = excluded.data, version = excluded.version`);
  recordChange(tx, { entity: 'location', key: location.code, op: 'upsert', version, data: { ...location } }, origin);
}

export function findPerson(read: ReadHandle, personId: string): Versioned<PersonData> | null {
  return parse(read.get(sql`SELECT version, data FROM person WHERE person_id = ${personId}`));
}

export function badgeHolder(read: ReadHandle, badge: string): string | null {
  return read.get<{ person_id: string }>(sql`SELECT person_id FROM person WHERE badge = ${badge}`)?.person_id ?? null;
}

export function writePerson(tx: WriteHandle, person: Readonly<PersonData>, origin: Origin | null = null): void {
  const version = (findPerson(tx, person.personId)?.version ?? 0) + 1;
  tx.run(sql`
    INSERT INTO person (person_id, badge, version, data) VALUES (${person.personId}, ${person.badge}, ${version}, ${JSON.stringify(person)})
    ON CONFLICT (person_id) DO UPDATE SET badge = excluded.badge, version = excluded.version, data = excluded.data`);
  recordChange(tx, { entity: 'person', key: person.personId, op: 'upsert', version, data: { ...person } }, origin);
}

export function readSiteConfig(read: ReadHandle): Versioned<SiteData> | null {
  return parse(read.get(sql`SELECT version, data FROM site_config WHERE id = 1`));
}

export function writeSiteConfig(tx: WriteHandle, site: Readonly<SiteData>, origin: Origin | null = null): void {
  const version = (readSiteConfig(tx)?.version ?? 0) + 1;
  tx.run(sql`
    INSERT INTO site_config (id, version, data) VALUES (1, ${version}, ${JSON.stringify(site)})
    ON CONFLICT (id) DO UPDATE SET version = excluded.version, data = excluded.data`);
  recordChange(tx, { entity: 'site', key: 'site', op: 'upsert', version, data: { ...site } }, origin);
}

export function findTask(read: ReadHandle, taskId: string): Versioned<TaskData> | null {
  return parse(read.get(sql`SELECT version, data FROM task WHERE task_id = ${taskId}`));
}

export function writeTask(tx: WriteHandle, task: Readonly<TaskData>, origin: Origin | null = null): void {
  const version = (findTask(tx, task.taskId)?.version ?? 0) + 1;
  tx.run(sql`
    INSERT INTO task (task_id, state, version, data) VALUES (${task.taskId}, ${task.state}, ${version}, ${JSON.stringify(task)})
    ON CONFLICT (task_id) DO UPDATE SET state = excluded.state, version = excluded.version, data = excluded.data`);
  recordChange(tx, { entity: 'task', key: task.taskId, op: 'upsert', version, data: { ...task } }, origin);
}

export function findException(read: ReadHandle, exceptionId: string): Versioned<ExceptionData> | null {
  return parse(read.get(sql`SELECT version, data FROM site_exception WHERE exception_id = ${exceptionId}`));
}

export function writeException(tx: WriteHandle, exception: Readonly<ExceptionData>, origin: Origin | null = null): void {
  const version = (findException(tx, exception.exceptionId)?.version ?? 0) + 1;
  tx.run(sql`
    INSERT INTO site_exception (exception_id, state, version, data) VALUES (${exception.exceptionId}, ${exception.state}, ${version}, ${JSON.stringify(exception)})
    ON CONFLICT (exception_id) DO UPDATE SET state = excluded.state, version = excluded.version, data = excluded.data`);
  recordChange(tx, { entity: 'exception', key: exception.exceptionId, op: 'upsert', version, data: { ...exception } }, origin);
}

export function findParcel(read: ReadHandle, sscc: string): Versioned<ParcelData> | null {
  return parse(read.get(sql`SELECT version, data FROM site_parcel WHERE sscc = ${sscc}`));
}

export function writeParcel(tx: WriteHandle, parcel: Readonly<ParcelData>, origin: Origin | null = null): void {
  const version = (findParcel(tx, parcel.sscc)?.version ?? 0) + 1;
  tx.run(sql`
    INSERT INTO site_parcel (sscc, order_id, state, version, data) VALUES (${parcel.sscc}, ${parcel.orderId}, ${parcel.state}, ${version}, ${JSON.stringify(parcel)})
    ON CONFLICT (sscc) DO UPDATE SET order_id = excluded.order_id, state = excluded.state, version = excluded.version, data = excluded.data`);
  recordChange(tx, { entity: 'parcel', key: parcel.sscc, op: 'upsert', version, data: { ...parcel } }, origin);
}

export function findTrailer(read: ReadHandle, trailerId: string): Versioned<TrailerData> | null {
  return parse(read.get(sql`SELECT version, data FROM site_trailer WHERE trailer_id = ${trailerId}`));
}

export function writeTrailer(tx: WriteHandle, trailer: Readonly<TrailerData>, origin: Origin | null = null): void {
  const version = (findTrailer(tx, trailer.trailerId)?.version ?? 0) + 1;
  tx.run(sql`
    INSERT INTO site_trailer (trailer_id, state, version, data) VALUES (${trailer.trailerId}, ${trailer.state}, ${version}, ${JSON.stringify(trailer)})
    ON CONFLICT (trailer_id) DO UPDATE SET state = excluded.state, version = excluded.version, data = excluded.data`);
  recordChange(tx, { entity: 'trailer', key: trailer.trailerId, op: 'upsert', version, data: { ...trailer } }, origin);
}
