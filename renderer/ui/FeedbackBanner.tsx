import { useTranslation } from 'react-i18next';
import { useFeedback } from './feedback';

const icons = { ok: '✔', error: '✖', attention: '⚠' } as const;

/** Big, coloured, announced: readable from two metres and by a screen reader (aria-live). */
export function FeedbackBanner() {
  const { t } = useTranslation();
  const current = useFeedback((state) => state.current);
  const clear = useFeedback((state) => state.clear);
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
