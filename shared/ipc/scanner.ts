import { z } from 'zod';
import { adminOnly } from '../roles';
import { scannerSettingsSchema, type ScannerSettings } from '../scanner';
import { defineModule, returns } from './define';

export const scanner = defineModule('scanner', {
  /** Every screen reads scans, so every session reads how the scanners are set up. */
  getSettings: { input: z.object({}), output: returns<ScannerSettings>(), access: 'session', passive: true },
  /** IT's scanner set-up page; audited. */
  saveSettings: { input: scannerSettingsSchema, output: returns<ScannerSettings>(), access: adminOnly },
});
