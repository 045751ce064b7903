import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exceptions } from '../../../shared/ipc/exceptions';
import type { ExceptionAction, SiteException } from '../../../shared/sync/status';
import { errorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useSchemaForm } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { useFeedback } from '../../ui/feedback';
import { TextField } from '../../ui/Field';
import { useSession } from '../session/store';
import { useExceptions } from './store';
import { byText, summaryText } from './text';

/** The contract's own rule for the note (optional, at most 500 characters). */
const noteSchema = exceptions.resolve.input.pick({ note: true });
const noteMax = 500;

/** One open exception of the site, read from 2 m: what, on what, where, who raised it and when. */
export function ExceptionCard({ exception }: { readonly exception: SiteException }) {
  const { t } = useTranslation();
  const role = useSession((state) => state.session?.user.role);
  const headingId = `exception-${exception.exceptionId}`;
  return (
    <article className="card exception" aria-labelledby={headingId} data-exception={exception.exceptionId} data-exception-kind={exception.kind}>
      <h3 id={headingId}>
        {t(`exceptions.kinds.${exception.kind}`)} <code className="exception-subject">{exception.subject}</code>
      </h3>
      <dl className="exception-facts">
        <dt>{t('exceptions.at')}</dt>
        <dd>{formatDateTime(exception.at)}</dd>
        <dt>{t('exceptions.location')}</dt>
        <dd>{exception.location ? <code>{exception.location}</code> : '—'}</dd>
        <dt>{t('exceptions.raisedBy')}</dt>
        <dd>{byText(t, exception.raisedBy.name, exception.raisedBy.station)}</dd>
        <dt>{t('exceptions.detail')}</dt>
        <dd data-exception-summary>{summaryText(t, exception)}</dd>
      </dl>
      {exception.unconfirmed && (
        <p className="notice notice-attention" data-exception-unconfirmed>
          {t('exceptions.unconfirmed')}
        </p>
      )}
      {/* An admin may look; only a shift lead settles (shared/ipc/exceptions.ts). */}
      {role === 'shift_lead' && exception.actions.length > 0 && <ExceptionActions exception={exception} />}
    </article>
  );
}

/** A note and one button per action that settles this kind; never by Enter alone, settling is a choice. */
function ExceptionActions({ exception }: { readonly exception: SiteException }) {
  const { t } = useTranslation();
  const resolve = useExceptions((state) => state.resolve);
  const show = useFeedback((state) => state.show);
  const [busy, setBusy] = useState(false);
  const { register, handleSubmit, errorOf } = useSchemaForm(noteSchema, { defaultValues: { note: '' } });

  const settle = (action: ExceptionAction) =>
    handleSubmit(async ({ note }) => {
      setBusy(true);
      const result = await resolve(exception.exceptionId, action, note);
      setBusy(false);
      if (result.ok) show('ok', t(`exceptions.done.${action}`, { subject: exception.subject }));
      else show('error', errorText(t, result.error));
    });

  return (
    <form className="form" onSubmit={(event) => event.preventDefault()} noValidate data-exception-actions={exception.exceptionId}>
      <TextField label={t('exceptions.note')} maxLength={noteMax} error={errorOf('note')} {...register('note')} />
      <div className="actions">
        {/* The first action the kind offers is the primary one, last in the row like every screen's. */}
        {[...exception.actions.slice(1), ...exception.actions.slice(0, 1)].map((action) => (
          <Button
            key={action}
            variant={action === exception.actions[0] ? 'primary' : 'secondary'}
            disabled={busy}
            data-action={action}
            onClick={(event) => void settle(action)(event)}
          >
            {t(`exceptions.act.${action}`)}
          </Button>
        ))}
      </div>
    </form>
  );
}
