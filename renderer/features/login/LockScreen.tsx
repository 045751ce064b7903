import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pinSchema } from '../../../shared/people';
import { errorText } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { useFeedback } from '../../ui/feedback';
import { PinField } from '../../ui/PinField';
import { useSession } from '../session/store';
import { BadgeStep, PinStep } from './LoginScreen';

type Mode = { readonly kind: 'pin' } | { readonly kind: 'badge' } | { readonly kind: 'switch'; readonly badge: string; readonly name: string };

/**
 * A locked station: the same person types the PIN; anyone else scans their badge and becomes the
 * user. A badge scanned straight into the PIN field is recognised (it is not 4–6 digits).
 */
export function LockScreen() {
  const { t } = useTranslation();
  const session = useSession((state) => state.session);
  const unlock = useSession((state) => state.unlock);
  const show = useFeedback((state) => state.show);
  const [entry, setEntry] = useState('');
  const [mode, setMode] = useState<Mode>({ kind: 'pin' });
  const identify = useSession((state) => state.identify);
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    const typed = entry.trim();
    setEntry('');
    if (!typed || busy) return;
    setBusy(true);
    if (!pinSchema.safeParse(typed).success) {
      // A badge typed or scanned into the PIN field: identified first, like at the login screen.
      const holder = await identify(typed);
      setBusy(false);
      if (holder.ok) setMode({ kind: 'switch', badge: typed, name: holder.value.name });
      else show('error', errorText(t, holder.error));
      return;
    }
    const result = await unlock(typed);
    setBusy(false);
    if (!result.ok) show('error', errorText(t, result.error));
  };

  return (
    <main className="screen screen-narrow lock">
      <h1>{mode.kind === 'pin' ? t('lock.title') : t('lock.switchTitle')}</h1>
      {mode.kind === 'pin' && (
        <>
          <p className="lead">{t('lock.who', { name: session?.user.name ?? '' })}</p>
          <PinField label={t('lock.enterPin')} value={entry} onChange={setEntry} onSubmit={() => void submit()} name="unlock" digitsOnly={false} />
          <div className="actions">
            <Button onClick={() => setMode({ kind: 'badge' })}>{t('lock.otherUser')}</Button>
            <Button variant="primary" onClick={() => void submit()} disabled={busy || entry.length < 4}>
              {t('lock.unlock')}
            </Button>
          </div>
        </>
      )}
      {mode.kind === 'badge' && (
        <>
          <BadgeStep onIdentified={({ badge, name }) => setMode({ kind: 'switch', badge, name })} />
          <div className="actions">
            <Button onClick={() => setMode({ kind: 'pin' })}>{t('common.back')}</Button>
          </div>
        </>
      )}
      {mode.kind === 'switch' && <PinStep badge={mode.badge} name={mode.name} onCancel={() => setMode({ kind: 'pin' })} />}
    </main>
  );
}
