// @vitest-environment happy-dom
import { shown } from '../../i18n/as-shown';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SiteView } from '../../../shared/people';
import { fail, ok, type Result } from '../../../shared/result';
import { i18next } from '../../i18n';
import { api } from '../../lib/api';
import { useFeedback } from '../../ui/feedback';
import { SetupScreen } from './SetupScreen';

vi.mock('../../ui/sounds', () => ({ playFeedback: () => undefined }));
vi.mock('../../lib/api', () => ({
  api: { setup: { createSite: vi.fn(), joinSite: vi.fn(), status: vi.fn() }, auth: { session: vi.fn() } },
  onEvent: () => () => undefined,
}));

const site: SiteView = { code: 'PAR-01', name: 'Paris Nord', createdAt: '2026-12-01T08:00:00.000Z', demo: true, timeZone: 'Europe/Paris' };

beforeEach(async () => {
  await i18next.changeLanguage('fr');
  vi.mocked(api.setup.status).mockResolvedValue(ok({ needsSetup: false, site, defaultLocale: 'fr' }));
  vi.mocked(api.auth.session).mockResolvedValue(ok(null));
});
afterEach(() => {
  cleanup();
  useFeedback.getState().clear();
  vi.clearAllMocks();
});

/** A field by its label; its name goes on with the hint or the error shown under it. */
const field = (label: string): HTMLElement => screen.getByRole('textbox', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`) });
/** A field by its name (a password field has no role; some labels begin like others). */
const byName = (name: string): HTMLElement => document.querySelector<HTMLElement>(`input[name=${name}]`) ?? screen.getByText(`no field ${name}`);
const choose = (option: 'first' | 'join') => userEvent.click(screen.getByRole('radio', { name: new RegExp(i18next.t(`setup.choices.${option}`)) }));

describe('setting up a station: first of a new site, or joining one (issue #11)', () => {
  it('joins the demo site, says it is loading until main answers, then goes on to the login', async () => {
    let answer: (result: Result<SiteView>) => void = () => undefined;
    vi.mocked(api.setup.joinSite).mockReturnValue(new Promise((resolve) => (answer = resolve)));
    render(<SetupScreen />);
    await choose('join');
    await userEvent.click(screen.getByRole('button', { name: i18next.t('setup.join') }));
    await waitFor(() => expect(screen.getByRole('progressbar').textContent).toContain(i18next.t('setup.joining')));
    expect(api.setup.joinSite).toHaveBeenCalledWith({ centre: { mode: 'demo' } });
    answer(ok(site));
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
    expect(useFeedback.getState().current?.text).toBe(i18next.t('setup.joined', { site: 'Paris Nord' }));
    expect(api.setup.status).toHaveBeenCalled();
  });

  it('says in words that a site without a first station cannot be joined', async () => {
    vi.mocked(api.setup.joinSite).mockResolvedValue(fail('SITE_NOT_SET_UP', 'no site'));
    render(<SetupScreen />);
    await choose('join');
    await userEvent.click(screen.getByRole('button', { name: i18next.t('setup.join') }));
    await waitFor(() => expect(useFeedback.getState().current?.text).toBe(i18next.t('errors.SITE_NOT_SET_UP')));
    expect(useFeedback.getState().current?.kind).toBe('error');
    expect(screen.getByRole('button', { name: i18next.t('setup.join') })).toBeTruthy();
  });

  it("joins a real site with the centre's address and the station's token, checked before asking main", async () => {
    vi.mocked(api.setup.joinSite).mockResolvedValue(ok(site));
    render(<SetupScreen />);
    await choose('join');
    await userEvent.click(screen.getByRole('radio', { name: new RegExp(i18next.t('setup.remote')) }));
    await userEvent.type(field(i18next.t('setup.centreUrl')), 'not an address');
    await userEvent.click(screen.getByRole('button', { name: i18next.t('setup.join') }));
    await waitFor(() => expect(screen.getByText(i18next.t('forms.fields.centreUrl.invalid_format'))).toBeTruthy());
    expect(api.setup.joinSite).not.toHaveBeenCalled();
    const url = field(i18next.t('setup.centreUrl'));
    await userEvent.clear(url);
    await userEvent.type(url, 'https://centre.example');
    await userEvent.type(byName('centreToken'), 'a-station-token-of-enough-length');
    await userEvent.click(screen.getByRole('button', { name: i18next.t('setup.join') }));
    await waitFor(() =>
      expect(api.setup.joinSite).toHaveBeenCalledWith({ centre: { mode: 'remote', url: 'https://centre.example', token: 'a-station-token-of-enough-length' } }),
    );
  });

  it("names a new site's time zone, Europe/Paris unless changed, and refuses one that is not a zone", async () => {
    vi.mocked(api.setup.createSite).mockResolvedValue(ok(site));
    render(<SetupScreen />);
    const zone = field(i18next.t('setup.timeZone'));
    expect((zone as HTMLInputElement).value).toBe('Europe/Paris');
    await userEvent.type(byName('siteCode'), 'PAR-01');
    await userEvent.type(byName('siteName'), 'Paris Nord');
    await userEvent.type(byName('adminName'), 'Alice Martin');
    await userEvent.type(byName('badge'), 'BADGE-ADM01');
    await userEvent.type(byName('pin'), '4826');
    await userEvent.type(byName('pinAgain'), '4826');
    await userEvent.clear(zone);
    await userEvent.type(zone, 'Mars/Olympus');
    await userEvent.click(screen.getByRole('button', { name: i18next.t('setup.submit') }));
    await waitFor(() => expect(screen.getByText(shown(i18next.t('forms.fields.timeZone.custom')))).toBeTruthy());
    expect(api.setup.createSite).not.toHaveBeenCalled();
    await userEvent.clear(zone);
    await userEvent.type(zone, 'Asia/Shanghai');
    await userEvent.click(screen.getByRole('button', { name: i18next.t('setup.submit') }));
    await waitFor(() => expect(api.setup.createSite).toHaveBeenCalledWith(expect.objectContaining({ siteCode: 'PAR-01', timeZone: 'Asia/Shanghai' })));
  });
});
