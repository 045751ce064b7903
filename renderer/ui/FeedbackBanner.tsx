import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isAction, useFeedback } from './feedback';

const icons = { ok: '✔', error: '✖', attention: '⚠' } as const;

/**
 * Big, coloured, announced: readable from two metres and by a screen reader (aria-live). It lies
 * over the bottom of the screen instead of taking a place in the page, so nothing moves when it
 * comes and goes (issue #10: it pushed the screen down ~75 px).
 */
export function FeedbackBanner() {
  const { t } = useTranslation();
  const current = useFeedback((state) => state.current);
  const clear = useFeedback((state) => state.clear);

  // The next scan or action replaces the answer to the last one: it is cleared before the action
  // runs (capture phase), and whatever the action answers is shown after.
  useEffect(() => {
    if (!current) return;
    const onAction = (event: Event): void => {
      if (isAction(event)) useFeedback.getState().clear();
    };
    window.addEventListener('keydown', onAction, { capture: true });
    window.addEventListener('click', onAction, { capture: true });
    window.addEventListener('change', onAction, { capture: true });
    return () => {
      window.removeEventListener('change', onAction, { capture: true });
      window.removeEventListener('keydown', onAction, { capture: true });
      window.removeEventListener('click', onAction, { capture: true });
    };
  }, [current]);

  return (
    <div className="feedback-slot" aria-live="assertive" aria-atomic="true">
      {current && (
        <div key={current.id} className={`feedback feedback-${current.kind}`} role={current.kind === 'error' ? 'alert' : 'status'} data-feedback={current.kind}>
          <span className="feedback-icon" aria-hidden="true">
            {icons[current.kind]}
          </span>
          <span className="feedback-text">{current.text}</span>
          <button type="button" className="feedback-close" onClick={clear} aria-label={t('common.dismiss')}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
