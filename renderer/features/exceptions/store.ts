import { create } from 'zustand';
import type { Result } from '../../../shared/result';
import type { ExceptionAction, SiteException } from '../../../shared/sync/status';
import { api, onEvent } from '../../lib/api';
import { idle, loadOf, loading, type Load } from '../../lib/load';
import { sessionScoped } from '../../lib/session-scope';
import { useSync } from '../sync/store';

export type ExceptionScope = 'open' | 'resolved';

type ExceptionsState = {
  /** The site's open exceptions, newest first. */
  readonly open: readonly SiteException[];
  readonly openLoad: Load;
  /** What was settled, the latest resolution first. */
  readonly resolved: readonly SiteException[];
  readonly resolvedLoad: Load;
  readonly read: (scope: ExceptionScope) => Promise<void>;
  /** Reads again only the lists someone has opened. */
  readonly refresh: () => Promise<void>;
  /** Settles one: on success it leaves the open list at once; either way both lists are read again. */
  readonly resolve: (exceptionId: string, action: ExceptionAction, note: string) => Promise<Result<SiteException>>;
};

const start = { open: [], openLoad: idle, resolved: [], resolvedLoad: idle } as const;

const newestFirst = (rows: readonly SiteException[], scope: ExceptionScope): readonly SiteException[] => {
  const when = (row: SiteException): string => (scope === 'resolved' ? (row.resolution?.at ?? row.at) : row.at);
  return [...rows].sort((a, b) => when(b).localeCompare(when(a)));
};

/** The shift lead's exceptions of the whole site, read from main whenever one is raised or settled. */
export const useExceptions = create<ExceptionsState>()((set, get) => {
  const loadOfScope = (scope: ExceptionScope): Load => (scope === 'open' ? get().openLoad : get().resolvedLoad);
  const put = (scope: ExceptionScope, load: Load, rows?: readonly SiteException[]): void =>
    set(scope === 'open' ? { openLoad: load, ...(rows ? { open: rows } : {}) } : { resolvedLoad: load, ...(rows ? { resolved: rows } : {}) });
  return {
    ...start,
    read: async (scope) => {
      if (loadOfScope(scope).status !== 'ready') put(scope, loading);
      const result = await api.exceptions.list({ scope });
      put(scope, loadOf(result), result.ok ? newestFirst(result.value, scope) : undefined);
    },
    refresh: async () => {
      const opened = (['open', 'resolved'] as const).filter((scope) => loadOfScope(scope).status !== 'idle');
      await Promise.all(opened.map((scope) => get().read(scope)));
    },
    resolve: async (exceptionId, action, note) => {
      const result = await api.exceptions.resolve({ exceptionId, action, note });
      if (result.ok) set({ open: get().open.filter((row) => row.exceptionId !== exceptionId) });
      // Settled by someone else first (EXCEPTION_RESOLVED) or gone: the lists say where it stands now.
      await get().refresh();
      return result;
    },
  };
});

sessionScoped('exceptions', {
  reset: () => useExceptions.setState(start),
  activate: () => {
    const refresh = (): void => void useExceptions.getState().refresh();
    // The sync status counts the open exceptions: a new count (raised or settled on another station, pulled) reads the lists again.
    let seen = useSync.getState().status?.siteExceptions;
    const stops = [
      onEvent('exceptions:changed', refresh),
      onEvent('sync:status-changed', (status) => {
        if (status.siteExceptions === seen) return;
        seen = status.siteExceptions;
        refresh();
      }),
    ];
    return () => stops.forEach((stop) => stop());
  },
});
