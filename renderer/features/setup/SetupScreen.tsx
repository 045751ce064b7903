import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { locales, type Locale } from '../../../shared/locale';
import { badgeSchema, personNameSchema, pinSchema, siteCodeSchema, siteNameSchema } from '../../../shared/people';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { localeNames } from '../../i18n';
import { Button } from '../../ui/Button';
import { useFeedback } from '../../ui/feedback';
import { SelectField, TextField } from '../../ui/Field';
import { useSession } from '../session/store';

type Form = { siteCode: string; siteName: string; adminName: string; badge: string; pin: string; pinAgain: string };
type CentreErrors = { url?: string; token?: string };
type Errors = Partial<Record<keyof Form, string>>;

/** First start on an empty data folder: name the site and create its first admin. */
export function SetupScreen() {
  const { t } = useTranslation();
  const locale = useSession((state) => state.stationLocale);
  const previewLocale = useSession((state) => state.previewLocale);
  const load = useSession((state) => state.load);
  const show = useFeedback((state) => state.show);
  const [form, setForm] = useState<Form>({ siteCode: '', siteName: '', adminName: '', badge: '', pin: '', pinAgain: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [centreErrors, setCentreErrors] = useState<CentreErrors>({});
  const [busy, setBusy] = useState(false);
  const [mode, setMode] = useState<'demo' | 'remote'>('demo');
  const [centreUrl, setCentreUrl] = useState('');
  const [centreToken, setCentreToken] = useState('');

  const field = (key: keyof Form) => ({
    name: key,
    value: form[key],
    error: errors[key],
    onChange: (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value }),
  });

  const validate = (): Errors => {
    const found: Errors = {};
    if (!siteCodeSchema.safeParse(form.siteCode).success) found.siteCode = t('setup.siteCodeInvalid');
    if (!siteNameSchema.safeParse(form.siteName).success) found.siteName = t('common.required');
    if (!personNameSchema.safeParse(form.adminName).success) found.adminName = t('common.required');
    if (!badgeSchema.safeParse(form.badge).success) found.badge = t('people.badgeInvalid');
    if (!pinSchema.safeParse(form.pin).success) found.pin = t('people.pinInvalid');
    else if (form.pin !== form.pinAgain) found.pinAgain = t('people.pinMismatch');
    return found;
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    const centreFound: CentreErrors = {};
    if (mode === 'remote' && !/^https?:\/\/\S+$/.test(centreUrl.trim())) centreFound.url = t('setup.centreUrlInvalid');
    if (mode === 'remote' && centreToken.trim().length < 16) centreFound.token = t('setup.centreTokenInvalid');
    setCentreErrors(centreFound);
    if (Object.keys(found).length > 0 || Object.keys(centreFound).length > 0) return;
    setBusy(true);
    const result = await api.setup.createSite({
      siteCode: form.siteCode,
      siteName: form.siteName,
      locale,
      admin: { name: form.adminName, badge: form.badge, pin: form.pin },
      centre: mode === 'demo' ? { mode } : { mode, url: centreUrl.trim(), token: centreToken.trim() },
    });
    setBusy(false);
    if (!result.ok) {
      show('error', errorText(t, result.error));
      return;
    }
    show('ok', t('setup.done', { site: result.value.name }));
    await load();
  };

  return (
    <main className="screen screen-wide">
      <h1>{t('setup.title')}</h1>
      <p className="lead">{t('setup.intro')}</p>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <SelectField label={t('common.language')} name="locale" value={locale} onChange={(event) => previewLocale(event.target.value as Locale)}>
          {locales.map((code) => (
            <option key={code} value={code}>
              {localeNames[code]}
            </option>
          ))}
        </SelectField>
        <div className="form-columns">
          <fieldset>
            <legend>{t('setup.site')}</legend>
            <TextField label={t('setup.siteCode')} hint={t('setup.siteCodeHint')} {...field('siteCode')} autoFocus />
            <TextField label={t('setup.siteName')} {...field('siteName')} />
          </fieldset>
          <fieldset>
            <legend>{t('setup.firstAdmin')}</legend>
            <TextField label={t('people.name')} {...field('adminName')} />
            <TextField label={t('people.badge')} hint={t('people.badgeHint')} {...field('badge')} />
            <TextField label={t('people.pin')} type="password" inputMode="numeric" {...field('pin')} />
            <TextField label={t('people.pinAgain')} type="password" inputMode="numeric" {...field('pinAgain')} />
          </fieldset>
        </div>
        <fieldset>
          <legend>{t('setup.centre')}</legend>
          <label className="checkbox">
            <input type="radio" name="centre-mode" value="demo" checked={mode === 'demo'} onChange={() => setMode('demo')} />
            <span>
              <strong>{t('setup.demo')}</strong> — {t('setup.demoHint')}
            </span>
          </label>
          <label className="checkbox">
            <input type="radio" name="centre-mode" value="remote" checked={mode === 'remote'} onChange={() => setMode('remote')} />
            <span>
              <strong>{t('setup.remote')}</strong> — {t('setup.remoteHint')}
            </span>
          </label>
          {mode === 'remote' && (
            <>
              <TextField
                label={t('setup.centreUrl')}
                name="centreUrl"
                value={centreUrl}
                error={centreErrors.url}
                placeholder="https://"
                onChange={(event) => setCentreUrl(event.target.value)}
              />
              <TextField
                label={t('setup.centreToken')}
                name="centreToken"
                type="password"
                value={centreToken}
                error={centreErrors.token}
                onChange={(event) => setCentreToken(event.target.value)}
              />
            </>
          )}
        </fieldset>
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? t('setup.creating') : t('setup.submit')}
        </Button>
      </form>
    </main>
  );
}
