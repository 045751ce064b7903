import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pinSchema } from '../../../shared/people';
import { errorText } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { useFeedback } from '../../ui/feedback';
import { PinField } from '../../ui/PinField';
import { ScanField } from '../../ui/ScanField';
import { useSession } from '../session/store';
import { PinStep } from './LoginScreen';

type Mode = { readonly kind: 'pin' } | { readonly kind: 'badge' } | { readonly kind: 'switch'; readonly badge: string };

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
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    const typed = entry.trim();
    setEntry('');
    if (!typed || busy) return;
    if (!pinSchema.safeParse(typed).success) {
      setMode({ kind: 'switch', badge: typed });
      return;
    }
    setBusy(true);
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
          <ScanField label={t('login.scanBadge')} hint={t('login.scanBadgeHint')} name="badge" onScan={(badge) => setMode({ kind: 'switch', badge })} />
          <div className="actions">
            <Button onClick={() => setMode({ kind: 'pin' })}>{t('common.back')}</Button>
          </div>
        </>
      )}
      {mode.kind === 'switch' && <PinStep badge={mode.badge} onCancel={() => setMode({ kind: 'pin' })} />}
    </main>
  );
}
