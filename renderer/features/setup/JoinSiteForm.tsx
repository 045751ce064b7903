import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { centreTokenSchema, centreUrlSchema } from '../../../shared/ipc/setup';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useSchemaForm } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { useFeedback } from '../../ui/feedback';
import { CentreChoice } from './CentreChoice';
import { useSession } from '../session/store';

const joinForm = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('demo') }),
  z.object({ mode: z.literal('remote'), centreUrl: centreUrlSchema, centreToken: centreTokenSchema }),
]);

/**
 * Another station of a site that exists: main loads the site's layout, people and stock from the
 * centre before it answers (the bootstrap), so the screen says it is loading until then. The site's
 * people then log in here with their own badge and PIN.
 */
export function JoinSiteForm() {
  const { t } = useTranslation();
  const load = useSession((state) => state.load);
  const show = useFeedback((state) => state.show);
  const [joining, setJoining] = useState(false);
  const { register, handleSubmit, errorOf, watch } = useSchemaForm(joinForm, { defaultValues: { mode: 'demo' } });
  const mode = watch('mode');

  const submit = handleSubmit(async (form) => {
    setJoining(true);
    const result = await api.setup.joinSite({
      centre: form.mode === 'demo' ? { mode: 'demo' } : { mode: 'remote', url: form.centreUrl, token: form.centreToken },
    });
    setJoining(false);
    if (!result.ok) {
      show('error', errorText(t, result.error));
      return;
    }
    show('ok', t('setup.joined', { site: result.value.name }));
    await load();
  });

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate data-setup="join" aria-busy={joining}>
      <fieldset disabled={joining}>
        <CentreChoice register={register} errorOf={errorOf} mode={mode} demoHint={t('setup.joinDemoHint')} focusAddress />
      </fieldset>
      {joining && (
        <div className="progress progress-indeterminate" role="progressbar" aria-label={t('setup.joining')} data-joining="true">
          <div className="progress-bar" />
          <span>{t('setup.joining')}</span>
        </div>
      )}
      <Button type="submit" variant="primary" disabled={joining}>
        {t('setup.join')}
      </Button>
    </form>
  );
}
