import { create } from 'zustand';
import type { RecoveryStatus, RestoreDone } from '../../../shared/ipc/recovery';
import type { AppErrorShape, Result } from '../../../shared/result';
import { api } from '../../lib/api';

type RecoveryState = {
  readonly status: RecoveryStatus | null;
  readonly error: AppErrorShape | null;
  readonly load: () => Promise<void>;
  readonly restore: (backup: string, badge: string, pin: string) => Promise<Result<RestoreDone>>;
};

/** What the recovery screen shows: main's account of the damage and the backups it offers. */
export const useRecovery = create<RecoveryState>()((set) => ({
  status: null,
  error: null,
  load: async () => {
    const status = await api.recovery.status();
    set(status.ok ? { status: status.value, error: null } : { error: status.error });
  },
  restore: (backup, badge, pin) => api.recovery.restoreBackup({ backup, badge, pin }),
}));
