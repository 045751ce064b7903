import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryBackup } from '../../../shared/ipc/recovery';
import { errorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { Button } from '../../ui/Button';
import { useFeedback } from '../../ui/feedback';
import { TextField } from '../../ui/Field';
import { PinField } from '../../ui/PinField';
import { LocalePicker } from '../login/LoginScreen';
import { useSession } from '../session/store';
import { useRecovery } from './store';

/**
 * The station's database cannot be used (issue #9): what is wrong, what to do, and, when a backup
 * can mend it, the backups with their integrity and the restore an admin of that backup decides.
 */
export function RecoveryScreen() {
  const { t } = useTranslation();
  const status = useRecovery((state) => state.status);
  const error = useRecovery((state) => state.error);
  const load = useRecovery((state) => state.load);
  const locale = useSession((state) => state.stationLocale);
  const previewLocale = useSession((state) => state.previewLocale);

  useEffect(() => {
    void load();
  }, [load]);

  const problem = status?.problem;
  return (
    <main className="screen screen-wide recovery">
      <header className="login-header">
        <h1>{t('recovery.title')}</h1>
        <LocalePicker value={locale} onChange={previewLocale} />
      </header>
      {error && <p role="alert">{errorText(t, error)}</p>}
      {!status && !error && <p>{t('common.loading')}</p>}
      {problem && (
        <section className="card" role="alert" data-problem={problem.code}>
          <h2>{t(`recovery.problems.${problem.code}.title`)}</h2>
          <p className="lead">{t(`recovery.problems.${problem.code}.todo`)}</p>
          <p>
            <code>{t('recovery.file', { file: problem.file })}</code>
          </p>
        </section>
      )}
      {problem?.canRestore &&
        status &&
        (status.backups.length > 0 ? <RestoreForm backups={status.backups} /> : <p className="lead">{t('recovery.noBackups')}</p>)}
    </main>
  );
}

function RestoreForm({ backups }: { readonly backups: readonly RecoveryBackup[] }) {
  const { t } = useTranslation();
  const restore = useRecovery((state) => state.restore);
  const reload = useRecovery((state) => state.load);
  const loadSession = useSession((state) => state.load);
  const show = useFeedback((state) => state.show);
  const [chosen, setChosen] = useState(backups.find((backup) => backup.integrityOk)?.name ?? '');
  const [badge, setBadge] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const backup = backups.find((candidate) => candidate.name === chosen);

  const submit = async (event?: FormEvent): Promise<void> => {
    event?.preventDefault();
    if (busy || !backup || badge.trim() === '' || pin.length < 4) return;
    setBusy(true);
    const result = await restore(backup.name, badge, pin);
    setBusy(false);
    setPin('');
    if (!result.ok) {
      show('error', errorText(t, result.error));
      if (result.error.code === 'BACKUP_NOT_FOUND' || result.error.code === 'BACKUP_DAMAGED') void reload();
      return;
    }
    show('ok', t('recovery.restored', { at: formatDateTime(backup.at) }));
    // The station runs again: the usual screens follow (login).
    await loadSession();
  };

  return (
    <form className="form card" aria-label={t('recovery.backups')} onSubmit={(event) => void submit(event)} noValidate>
      <h2>{t('recovery.backups')}</h2>
      <div className="data-table">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('recovery.at')}</th>
              <th scope="col">{t('recovery.size')}</th>
              <th scope="col">{t('recovery.integrity')}</th>
            </tr>
          </thead>
          <tbody>
            {backups.map((candidate) => (
              <tr key={candidate.name} data-backup={candidate.name}>
                <td>
                  <label>
                    <input
                      type="radio"
                      name="backup"
                      value={candidate.name}
                      checked={candidate.name === chosen}
                      disabled={!candidate.integrityOk}
                      onChange={() => setChosen(candidate.name)}
                    />{' '}
                    {formatDateTime(candidate.at)}
                  </label>
                </td>
                <td>{t('recovery.megabytes', { size: (candidate.sizeBytes / 1_000_000).toFixed(1) })}</td>
                <td>{candidate.integrityOk ? t('recovery.integrityOk') : t('recovery.integrityBad')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>{t('recovery.whoDecides')}</p>
      <TextField label={t('recovery.badge')} name="badge" value={badge} onChange={(event) => setBadge(event.target.value)} autoFocus />
      <PinField label={t('recovery.pin')} name="pin" value={pin} onChange={setPin} onSubmit={() => void submit()} autoFocus={false} />
      <Button type="submit" variant="primary" disabled={busy || !backup || badge.trim() === '' || pin.length < 4}>
        {busy ? t('recovery.restoring') : t('recovery.restore')}
      </Button>
    </form>
  );
}
