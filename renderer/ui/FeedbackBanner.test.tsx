// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FeedbackBanner } from './FeedbackBanner';
import { okVisibleMs, useFeedback } from './feedback';
import { i18next } from '../i18n';
import { useSession } from '../features/session/store';

vi.mock('./sounds', () => ({ playFeedback: () => undefined }));
vi.mock('../lib/api', () => ({
  api: { auth: { setLocale: vi.fn(() => Promise.resolve({ ok: false, error: { code: 'NETWORK', message: '' } })) } },
  onEvent: () => () => undefined,
}));

const banner = (): HTMLElement | null => document.querySelector('[data-feedback]');

function Screen() {
  return (
    <>
      <FeedbackBanner />
      <input name="scan" />
      <button type="button">Act</button>
    </>
  );
}

beforeEach(async () => {
  await i18next.changeLanguage('fr');
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  useFeedback.getState().clear();
  vi.useRealTimers();
});

describe('the feedback banner (issue #10)', () => {
  it('lets an ok fade on its own, and keeps an error until the next action', () => {
    render(<Screen />);
    act(() => useFeedback.getState().show('ok', 'Bonjour'));
    expect(banner()?.dataset['feedback']).toBe('ok');
    act(() => {
      vi.advanceTimersByTime(okVisibleMs + 10);
    });
    expect(banner()).toBeNull();

    act(() => useFeedback.getState().show('error', 'Badge inconnu'));
    act(() => {
      vi.advanceTimersByTime(10 * 60_000);
    });
    expect(screen.getByRole('alert').textContent).toContain('Badge inconnu');
  });

  it('goes at the next scan (Enter) or a click on something that acts, before the action answers', () => {
    render(<Screen />);
    act(() => useFeedback.getState().show('error', 'Emplacement inconnu'));
    fireEvent.keyDown(screen.getByRole('textbox'), { key: 'a' });
    expect(banner()).not.toBeNull();
    fireEvent.keyDown(screen.getByRole('textbox'), { key: 'Enter' });
    expect(banner()).toBeNull();

    act(() => useFeedback.getState().show('attention', 'Recomptez'));
    fireEvent.click(screen.getByRole('button', { name: 'Act' }));
    expect(banner()).toBeNull();
  });

  it('an ok replaced by an error does not take the error away when its time is up', () => {
    render(<Screen />);
    act(() => useFeedback.getState().show('ok', 'Déplacé'));
    act(() => useFeedback.getState().show('error', 'Stock insuffisant'));
    act(() => {
      vi.advanceTimersByTime(okVisibleMs + 10);
    });
    expect(banner()?.dataset['feedback']).toBe('error');
  });

  it('never survives a language switch', () => {
    render(<Screen />);
    act(() => useFeedback.getState().show('error', 'Badge inconnu'));
    act(() => useSession.getState().previewLocale('en'));
    expect(banner()).toBeNull();
    act(() => useFeedback.getState().show('error', 'Unknown badge'));
    act(() => void useSession.getState().setLocale('zh-CN'));
    expect(banner()).toBeNull();
  });
});
