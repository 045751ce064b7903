import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { centreTokenSchema, centreUrlSchema } from '../../../shared/ipc/setup';
import { badgeSchema, defaultSiteTimeZone, personNameSchema, pinSchema, siteCodeSchema, siteNameSchema, timeZoneSchema } from '../../../shared/people';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useSchemaForm } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { useFeedback } from '../../ui/feedback';
import { TextField } from '../../ui/Field';
import { CentreChoice } from './CentreChoice';
import { useSession } from '../session/store';

/** The contract's field rules (shared/), flattened for one screen; only "type the PIN twice" is the screen's own. */
const setupForm = z
  .intersection(
    z.object({
      siteCode: siteCodeSchema,
      siteName: siteNameSchema,
      timeZone: timeZoneSchema,
      adminName: personNameSchema,
      badge: badgeSchema,
      pin: pinSchema,
      pinAgain: z.string(),
    }),
    z.discriminatedUnion('mode', [
      z.object({ mode: z.literal('demo') }),
      z.object({ mode: z.literal('remote'), centreUrl: centreUrlSchema, centreToken: centreTokenSchema }),
    ]),
  )
  .refine((form) => form.pin === form.pinAgain, { path: ['pinAgain'] });

/** The first station of a new site: name the site, give its time zone and create its first admin. */
export function FirstStationForm() {
  const { t } = useTranslation();
  const locale = useSession((state) => state.stationLocale);
  const load = useSession((state) => state.load);
  const show = useFeedback((state) => state.show);
  const [busy, setBusy] = useState(false);
  const { register, handleSubmit, errorOf, watch } = useSchemaForm(setupForm, {
    defaultValues: { siteCode: '', siteName: '', timeZone: defaultSiteTimeZone, adminName: '', badge: '', pin: '', pinAgain: '', mode: 'demo' },
  });
  const mode = watch('mode');

  const submit = handleSubmit(async (form) => {
    setBusy(true);
    const result = await api.setup.createSite({
      siteCode: form.siteCode,
      siteName: form.siteName,
      timeZone: form.timeZone,
      locale,
      admin: { name: form.adminName, badge: form.badge, pin: form.pin },
      centre: form.mode === 'demo' ? { mode: 'demo' } : { mode: 'remote', url: form.centreUrl, token: form.centreToken },
    });
    setBusy(false);
    if (!result.ok) {
      show('error', errorText(t, result.error));
      return;
    }
    show('ok', t('setup.done', { site: result.value.name }));
    await load();
  });

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate data-setup="first-station">
      <div className="form-columns">
        <fieldset>
          <legend>{t('setup.site')}</legend>
          <TextField label={t('setup.siteCode')} hint={t('setup.siteCodeHint')} error={errorOf('siteCode')} {...register('siteCode')} autoFocus />
          <TextField label={t('setup.siteName')} error={errorOf('siteName')} {...register('siteName')} />
          <TextField label={t('setup.timeZone')} hint={t('setup.timeZoneHint')} error={errorOf('timeZone')} {...register('timeZone')} />
        </fieldset>
        <fieldset>
          <legend>{t('setup.firstAdmin')}</legend>
          <TextField label={t('people.name')} error={errorOf('adminName')} {...register('adminName')} />
          <TextField label={t('people.badge')} hint={t('people.badgeHint')} error={errorOf('badge')} {...register('badge')} />
          <TextField label={t('people.pin')} type="password" inputMode="numeric" error={errorOf('pin')} {...register('pin')} />
          <TextField label={t('people.pinAgain')} type="password" inputMode="numeric" error={errorOf('pinAgain')} {...register('pinAgain')} />
        </fieldset>
      </div>
      <fieldset>
        <CentreChoice register={register} errorOf={errorOf} mode={mode} demoHint={t('setup.demoHint')} />
      </fieldset>
      <Button type="submit" variant="primary" disabled={busy}>
        {busy ? t('setup.creating') : t('setup.submit')}
      </Button>
    </form>
  );
}
