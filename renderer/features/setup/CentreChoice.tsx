import { useTranslation } from 'react-i18next';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { TextField } from '../../ui/Field';

type CentreField = 'mode' | 'centreUrl' | 'centreToken';

/** The site's central service, in both setup forms: the demo site, or a real centre's address and this station's token. */
export function CentreChoice(props: {
  readonly register: (name: CentreField) => UseFormRegisterReturn;
  readonly errorOf: (name: string) => string | undefined;
  readonly mode: string | undefined;
  /** What choosing the demo site does in this form. */
  readonly demoHint: string;
  /** The address field takes the focus when it appears (the join form has nothing else to fill). */
  readonly focusAddress?: boolean;
}) {
  const { t } = useTranslation();
  const { register, errorOf } = props;
  return (
    <>
      <legend>{t('setup.centre')}</legend>
      <label className="checkbox">
        <input type="radio" value="demo" {...register('mode')} />
        <span>
          <strong>{t('setup.demo')}</strong> — {props.demoHint}
        </span>
      </label>
      <label className="checkbox">
        <input type="radio" value="remote" {...register('mode')} />
        <span>
          <strong>{t('setup.remote')}</strong> — {t('setup.remoteHint')}
        </span>
      </label>
      {props.mode === 'remote' && (
        <>
          <TextField
            label={t('setup.centreUrl')}
            placeholder="https://"
            error={errorOf('centreUrl')}
            {...register('centreUrl')}
            {...(props.focusAddress ? { autoFocus: true } : {})}
          />
          <TextField label={t('setup.centreToken')} type="password" error={errorOf('centreToken')} {...register('centreToken')} />
        </>
      )}
    </>
  );
}
