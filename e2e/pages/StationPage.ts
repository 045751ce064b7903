import { expect, type Locator, type Page } from '@playwright/test';
import type { Locale } from '../../shared/locale';
import { text } from '../support/i18n';
import { sendAsScanner } from '../support/scanner-keys';

/** The screens the app names on its root element (`data-screen`). */
export type Screen = 'loading' | 'unreachable' | 'recovery' | 'setup' | 'login' | 'locked' | 'ready';

/** What every screen shares: the language it speaks, the screen it is on, the feedback banner. */
export class StationPage {
  locale: Locale = 'fr';

  constructor(readonly page: Page) {}

  t(key: string, vars?: Readonly<Record<string, string | number>>): string {
    return text(this.locale, key, vars);
  }

  /** The app names its screen on the root element; specs wait on it, never on time. */
  async expectScreen(stage: Screen): Promise<void> {
    await expect(this.page.locator(`.app[data-screen="${stage}"]`)).toBeVisible();
  }

  feedback(kind: 'ok' | 'error' | 'attention'): Locator {
    return this.page.locator(`[data-feedback="${kind}"]`);
  }

  /** The banner's or a flow step's answer (both carry `data-feedback`), of that kind and saying that. */
  async expectFeedback(kind: 'ok' | 'error' | 'attention', textKey: string, vars?: Readonly<Record<string, string | number>>): Promise<void> {
    await expect(this.feedback(kind).filter({ hasText: this.t(textKey, vars) })).toBeVisible();
  }

  button(key: string, vars?: Readonly<Record<string, string | number>>): Locator {
    return this.page.getByRole('button', { name: this.t(key, vars), exact: true });
  }

  /** Scans as a keyboard-wedge scanner does: a burst of keys at a scanner's pace, ending with Enter. */
  async scan(code: string): Promise<void> {
    await sendAsScanner(this.page, [code, { press: 'Enter' }]);
  }

  /**
   * Calls an operation the way a compromised page could: through the bridge (Electron) or the
   * host's RPC with the page's own token (web). Main must refuse what the role may not do.
   */
  async callOperation(channel: string, input: unknown): Promise<{ ok: boolean; error?: { code: string } }> {
    return this.page.evaluate(
      async ([name, payload]) => {
        const [module, operation] = name.split(':') as [string, string];
        const bridge = (window as unknown as { quai?: Record<string, Record<string, (i: unknown) => Promise<unknown>>> }).quai;
        if (bridge) {
          const method = operation.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
          return bridge[module]![method]!(payload) as Promise<{ ok: boolean; error?: { code: string } }>;
        }
        const response = await fetch(`/rpc/${name}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${sessionStorage.getItem('quai.token') ?? ''}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(payload),
        });
        return (await response.json()) as { ok: boolean; error?: { code: string } };
      },
      [channel, input] as const,
    );
  }
}
