import type { AuditPage } from '../../../shared/ipc/audit';
import type { Clock } from '../../platform/clock';
import type { Database, WriteHandle } from '../../platform/db/connection';
import { appendAudit, listAudit, type AuditEntry } from './repo';

export type AuditLog = {
  /** Inside the transaction of the change it records: both commit or neither. */
  readonly record: (tx: WriteHandle, entry: Readonly<AuditEntry>) => void;
  /** For refusals, which change nothing else. */
  readonly recordAlone: (entry: Readonly<AuditEntry>) => void;
  readonly list: (query: { offset: number; limit: number; outcome?: AuditEntry['outcome'] | undefined }) => AuditPage;
};

export function createAuditLog(db: Database, clock: Clock): AuditLog {
  const record = (tx: WriteHandle, entry: Readonly<AuditEntry>): void => appendAudit(tx, clock.now(), entry);
  return {
    record,
    recordAlone: (entry) => db.write((tx) => record(tx, entry)),
    list: (query) => listAudit(db.read, query),
  };
}

export type { AuditEntry } from './repo';
