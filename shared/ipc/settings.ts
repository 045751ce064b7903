import { z } from 'zod';
import { stationSettingsSchema, type StationSettings } from '../settings';
import { adminOnly } from '../roles';
import { defineModule, returns } from './define';

export type BackupView = { readonly file: string; readonly bytes: number; readonly at: string };

export const settings = defineModule('settings', {
  get: { input: z.object({}), output: returns<StationSettings>(), access: 'session', passive: true },
  update: { input: stationSettingsSchema.partial(), output: returns<StationSettings>(), access: adminOnly },
  /** Online copy of the database into the data folder's backups (kept per retention). */
  backupDatabase: { input: z.object({}), output: returns<BackupView>(), access: adminOnly },
});
