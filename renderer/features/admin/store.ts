import { create } from 'zustand';
import type { Notice } from '../../../shared/diagnostics';
import type { AuditPage } from '../../../shared/ipc/audit';
import type { BackupView } from '../../../shared/ipc/settings';
import type { UserView } from '../../../shared/people';
import type { Role } from '../../../shared/roles';
import type { AppErrorShape, Result } from '../../../shared/result';
import type { StationSettings } from '../../../shared/settings';
import { api } from '../../lib/api';
import { idle, loadOf, loading, type Load } from '../../lib/load';
import { sessionScoped } from '../../lib/session-scope';

export const auditPageSize = 15;

type AdminState = {
  readonly users: readonly UserView[];
  readonly usersLoad: Load;
  readonly settings: StationSettings | null;
  readonly settingsLoad: Load;
  readonly audit: AuditPage;
  readonly auditLoad: Load;
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

const adminStart = {
  users: [],
  usersLoad: idle,
  settings: null,
  settingsLoad: idle,
  audit: { entries: [], total: 0 },
  auditLoad: idle,
  auditPage: 0,
  auditRefusedOnly: false,
  error: null,
  notices: [],
} as const satisfies Partial<AdminState>;

export const useAdmin = create<AdminState>()((set, get) => {
  /** After any change to a person, the list is read again from main: it is the truth. */
  const thenReload = async <T>(result: Promise<Result<T>>): Promise<Result<T>> => {
    const settled = await result;
    await get().loadUsers();
    return settled;
  };
  return {
    ...adminStart,
    loadNotices: async () => {
      const result = await api.diagnostics.notices();
      if (result.ok) set({ notices: result.value });
    },
    loadUsers: async () => {
      if (get().usersLoad.status !== 'ready') set({ usersLoad: loading });
      const result = await api.auth.listUsers();
      set(result.ok ? { users: result.value, error: null, usersLoad: loadOf(result) } : { error: result.error, usersLoad: loadOf(result) });
    },
    createUser: (user) => thenReload(api.auth.createUser(user)),
    setRole: (userId, role) => thenReload(api.auth.setRole({ userId, role })),
    setDisabled: (userId, disabled) => thenReload(api.auth.setDisabled({ userId, disabled })),
    resetPin: (userId, pin) => thenReload(api.auth.resetPin({ userId, pin })),
    loadSettings: async () => {
      if (!get().settings) set({ settingsLoad: loading });
      const result = await api.settings.get();
      set(result.ok ? { settings: result.value, settingsLoad: loadOf(result) } : { error: result.error, settingsLoad: loadOf(result) });
    },
    saveSettings: async (patch) => {
      const result = await api.settings.update(patch);
      if (result.ok) set({ settings: result.value });
      return result;
    },
    backup: () => api.settings.backupDatabase(),
    loadAudit: async (page, refusedOnly) => {
      // The filter shows as chosen at once; the rows follow.
      set({ auditRefusedOnly: refusedOnly, ...(get().auditLoad.status === 'ready' ? {} : { auditLoad: loading }) });
      const result = await api.audit.list({
        offset: page * auditPageSize,
        limit: auditPageSize,
        ...(refusedOnly ? { outcome: 'refused' as const } : {}),
      });
      set(result.ok ? { audit: result.value, auditPage: page, auditLoad: loadOf(result) } : { error: result.error, auditLoad: loadOf(result) });
    },
  };
});

sessionScoped('admin', { reset: () => useAdmin.setState(adminStart) });
