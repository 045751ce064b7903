import { Link, Redirect, useLocation } from 'wouter';

export type RouteTab<T extends string> = { readonly id: T; readonly label: string };

/** The tab an address names (`/stock/move` → `move` under `/stock`), if it is one of these. */
export function useRouteTab<T extends string>(base: string, tabs: readonly RouteTab<T>[]): T | null {
  const [location] = useLocation();
  const id = location.startsWith(`${base}/`) ? location.slice(base.length + 1).split('/')[0] : undefined;
  return tabs.find((tab) => tab.id === id)?.id ?? null;
}

/**
 * Tabs that are addresses (issue #8): a screen's place survives a lock, and a person can be sent
 * to it. An address that names no tab goes to the first one.
 */
export function RouteTabs<T extends string>({ base, tabs, label }: { readonly base: string; readonly tabs: readonly RouteTab<T>[]; readonly label: string }) {
  const current = useRouteTab(base, tabs);
  const first = tabs[0];
  if (current === null && first) return <Redirect to={`${base}/${first.id}`} replace />;
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {tabs.map((tab) => (
        <Link key={tab.id} href={`${base}/${tab.id}`} role="tab" aria-selected={tab.id === current} className={`tab ${tab.id === current ? 'is-current' : ''}`}>
          {tab.label}
        </Link>
      ))}
    </div>
  );
}
