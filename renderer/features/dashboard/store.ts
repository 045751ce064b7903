import { create } from 'zustand';
import type { DayLeft } from '../../../shared/dashboard';
import type { OutputOf } from '../../../shared/ipc';
import type { dashboard } from '../../../shared/ipc/dashboard';
import type { RecordEntity } from '../../../shared/sync/protocol';
import { api, onEvent } from '../../lib/api';
import { idle, loadOf, loading, type Load } from '../../lib/load';
import { sessionScoped } from '../../lib/session-scope';

export type DashboardView = OutputOf<typeof dashboard.today>;

type DashboardState = {
  /** The ship date's boards and the day's series, as main last computed them. */
  readonly view: DashboardView | null;
  readonly load: Load;
  readonly read: () => Promise<void>;
  /** Reads again if the screen was opened; an event during a read asks for one more read after it, never a pile of them. */
  readonly refresh: () => Promise<void>;
  /** What the close of day waits for, once the shift lead asked to close (CloseDay.tsx). */
  readonly left: DayLeft | null;
  readonly leftLoad: Load;
  readonly readLeft: () => Promise<void>;
  readonly forgetLeft: () => void;
};

const start = { view: null, load: idle, left: null, leftLoad: idle } as const;

/** What a pull may bring that moves the figures: the ship date's orders, runs picked elsewhere, parcels packed or loaded. */
const figureEntities: readonly RecordEntity[] = ['order', 'run', 'parcel', 'trailer'];

let reading: Promise<void> | null = null;
let again = false;

export const useDashboard = create<DashboardState>()((set, get) => ({
  ...start,
  read: async () => {
    if (get().load.status !== 'ready') set({ load: loading });
    const result = await api.dashboard.today();
    set(result.ok ? { view: result.value, load: loadOf(result) } : { load: loadOf(result) });
  },
  readLeft: async () => {
    const result = await api.dashboard.dayLeft();
    set(result.ok ? { left: result.value, leftLoad: loadOf(result) } : { leftLoad: loadOf(result) });
  },
  forgetLeft: () => set({ left: null, leftLoad: idle }),
  refresh: async () => {
    if (get().load.status === 'idle') return;
    if (reading) {
      // A burst of scans on the floor (a parcel a few seconds): one read when the current one is back.
      again = true;
      return reading;
    }
    reading = (async () => {
      do {
        again = false;
        await get().read();
      } while (again);
      reading = null;
    })();
    return reading;
  },
}));

// The figures move with the floor's work, here or on another station, and with what the centre sends:
// main tells each of these, so the dashboard reads on them and never on a timer.
sessionScoped('dashboard', {
  reset: () => {
    again = false;
    useDashboard.setState(start);
  },
  activate: () => {
    const refresh = (): void => void useDashboard.getState().refresh();
    const stops = [
      onEvent('packing:changed', refresh),
      onEvent('picking:run-changed', refresh),
      onEvent('sync:pulled', ({ entities }) => {
        if (entities.some((entity) => (figureEntities as readonly string[]).includes(entity))) refresh();
      }),
    ];
    // Back from a lock: what changed meanwhile.
    refresh();
    return () => stops.forEach((stop) => stop());
  },
});
