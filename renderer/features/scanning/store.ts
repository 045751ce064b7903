import { create } from 'zustand';
import { defaultScannerSettings, type ScannerSettings } from '../../../shared/scanner';
import type { AppErrorShape, Result } from '../../../shared/result';
import { api } from '../../lib/api';
import { defaultRegion, type Region } from './frame';
import { sessionScoped } from '../../lib/session-scope';

/** The camera is a device of this workstation, not a site setting: the page remembers it. */
const cameraKey = 'quai.scanner.camera';

type ScannerState = {
  /** The defaults until a session has read the station's own (the login screen scans with them). */
  readonly settings: ScannerSettings;
  readonly loaded: boolean;
  readonly error: AppErrorShape | null;
  readonly cameraId: string | null;
  readonly region: Region;
  readonly load: () => Promise<void>;
  readonly save: (settings: ScannerSettings) => Promise<Result<ScannerSettings>>;
  readonly chooseCamera: (deviceId: string | null) => void;
};

const storedCamera = (): string | null => {
  try {
    return window.localStorage.getItem(cameraKey);
  } catch {
    return null;
  }
};

export const useScanner = create<ScannerState>()((set) => ({
  settings: defaultScannerSettings,
  loaded: false,
  error: null,
  cameraId: storedCamera(),
  region: defaultRegion,
  load: async () => {
    const result = await api.scanner.getSettings();
    set(result.ok ? { settings: result.value, loaded: true, error: null } : { error: result.error });
  },
  save: async (settings) => {
    const result = await api.scanner.saveSettings(settings);
    if (result.ok) set({ settings: result.value, loaded: true, error: null });
    return result;
  },
  chooseCamera: (deviceId) => {
    try {
      if (deviceId) window.localStorage.setItem(cameraKey, deviceId);
      else window.localStorage.removeItem(cameraKey);
    } catch {
      // Private mode or a full storage: the choice holds for this run only.
    }
    set({ cameraId: deviceId });
  },
}));

// After each login (or unlock), read the station's scanner settings; the next person may log in
// on a station whose IT changed them meanwhile. They are the station's, not the person's: kept.
sessionScoped('scanner', {
  reset: () => undefined,
  activate: () => {
    void useScanner.getState().load();
    return () => undefined;
  },
});
