import { create } from 'zustand';
import type { Notice } from '../../../shared/diagnostics';
import type { AuditPage } from '../../../shared/ipc/audit';
import type { BackupView } from '../../../shared/ipc/settings';
import type { UserView } from '../../../shared/people';
import type { Role } from '../../../shared/roles';
import type { AppErrorShape, Result } from '../../../shared/result';
import type { StationSettings } from '../../../shared/settings';
import { api } from '../../lib/api';

export const auditPageSize = 15;

type AdminState = {
  readonly users: readonly UserView[];
  readonly settings: StationSettings | null;
  readonly audit: AuditPage;
  readonly auditPage: number;
  readonly auditRefusedOnly: boolean;
  readonly error: AppErrorShape | null;
  readonly notices: readonly Notice[];
  readonly loadNotices: () => Promise<void>;
  readonly loadUsers: () => Promise<void>;
  readonly createUser: (user: { name: string; badge: string; role: Role; pin: string }) => Promise<Result<UserView>>;
  readonly setRole: (userId: number, role: Role) => Promise<Result<UserView>>;
  readonly setDisabled: (userId: number, disabled: boolean) => Promise<Result<UserView>>;
  readonly resetPin: (userId: number, pin: string) => Promise<Result<UserView>>;
  readonly loadSettings: () => Promise<void>;
  readonly saveSettings: (patch: Partial<StationSettings>) => Promise<Result<StationSettings>>;
  readonly backup: () => Promise<Result<BackupView>>;
  readonly loadAudit: (page: number, refusedOnly: boolean) => Promise<void>;
};

export const useAdmin = create<AdminState>()((set, get) => {
  /** After any change to a person, the list is read again from main: it is the truth. */
  const thenReload = async <T>(result: Promise<Result<T>>): Promise<Result<T>> => {
    const settled = await result;
    await get().loadUsers();
    return settled;
  };
  return {
    users: [],
    settings: null,
    audit: { entries: [], total: 0 },
    auditPage: 0,
    auditRefusedOnly: false,
    error: null,
    notices: [],
    loadNotices: async () => {
      const result = await api.diagnostics.notices();
      if (result.ok) set({ notices: result.value });
    },
    loadUsers: async () => {
      const result = await api.auth.listUsers();
      set(result.ok ? { users: result.value, error: null } : { error: result.error });
    },
    createUser: (user) => thenReload(api.auth.createUser(user)),
    setRole: (userId, role) => thenReload(api.auth.setRole({ userId, role })),
    setDisabled: (userId, disabled) => thenReload(api.auth.setDisabled({ userId, disabled })),
    resetPin: (userId, pin) => thenReload(api.auth.resetPin({ userId, pin })),
    loadSettings: async () => {
      const result = await api.settings.get();
      set(result.ok ? { settings: result.value } : { error: result.error });
    },
    saveSettings: async (patch) => {
      const result = await api.settings.update(patch);
      if (result.ok) set({ settings: result.value });
      return result;
    },
    backup: () => api.settings.backupDatabase(),
    loadAudit: async (page, refusedOnly) => {
      // The filter shows as chosen at once; the rows follow.
      set({ auditRefusedOnly: refusedOnly });
      const result = await api.audit.list({
        offset: page * auditPageSize,
        limit: auditPageSize,
        ...(refusedOnly ? { outcome: 'refused' as const } : {}),
      });
      set(result.ok ? { audit: result.value, auditPage: page } : { error: result.error });
    },
  };
});
