import { openDatabase, type Database } from '../../platform/db/connection';
import { migrations } from './migrations';

/** The station's database: the platform's connection with the station's own schema. */
export function openStationDatabase(file: string, nativeBinding?: string): Database {
  return openDatabase(file, { migrations, ...(nativeBinding ? { nativeBinding } : {}) });
}
