import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import { useFeedback } from '../../ui/feedback';
import { TextField } from '../../ui/Field';
import { ScanField } from '../../ui/ScanField';
import { useTasks } from './store';

/** A shift lead asks for a blind recount of a location: scanned or typed; any station's people may take it. */
export function RequestRecountForm() {
  const { t } = useTranslation();
  const requestRecount = useTasks((state) => state.requestRecount);
  const show = useFeedback((state) => state.show);
  const [note, setNote] = useState('');

  const request = async (location: string): Promise<void> => {
    const result = await requestRecount(location, note.trim() || undefined);
    if (!result.ok) {
      show('error', errorText(t, result.error));
      return;
    }
    setNote('');
    show('ok', t('tasks.requested', { location: result.value.location }));
  };

  return (
    <section className="card" aria-label={t('tasks.requestTitle')}>
      <h2>{t('tasks.requestTitle')}</h2>
      <TextField label={t('tasks.note')} name="recount-note" value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
      <ScanField
        label={t('tasks.scanLocation')}
        hint={t('tasks.scanLocationHint')}
        name="recount-location"
        keepFocus={false}
        onScan={(code) => void request(code)}
      />
    </section>
  );
}
