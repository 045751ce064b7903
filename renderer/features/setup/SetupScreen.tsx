import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { locales, type Locale } from '../../../shared/locale';
import { localeNames } from '../../i18n';
import { SelectField } from '../../ui/Field';
import { useSession } from '../session/store';
import { FirstStationForm } from './FirstStationForm';
import { JoinSiteForm } from './JoinSiteForm';

type Choice = 'first' | 'join';

/**
 * First start on an empty data folder (issue #11): either this is the first station of a new site
 * (it names the site), or the site exists and this station joins it (its data comes from the centre).
 */
export function SetupScreen() {
  const { t } = useTranslation();
  const locale = useSession((state) => state.stationLocale);
  const previewLocale = useSession((state) => state.previewLocale);
  const [choice, setChoice] = useState<Choice>('first');

  return (
    <main className="screen screen-wide" data-setup-choice={choice}>
      <h1>{t('setup.title')}</h1>
      <p className="lead">{t('setup.choose')}</p>
      <SelectField label={t('common.language')} name="locale" value={locale} onChange={(event) => previewLocale(event.target.value as Locale)}>
        {locales.map((code) => (
          <option key={code} value={code}>
            {localeNames[code]}
          </option>
        ))}
      </SelectField>
      <fieldset className="setup-choice">
        <legend>{t('setup.station')}</legend>
        {(['first', 'join'] as const).map((option) => (
          <label key={option} className="checkbox">
            <input type="radio" name="setup-choice" value={option} checked={choice === option} onChange={() => setChoice(option)} />
            <span>
              <strong>{t(`setup.choices.${option}`)}</strong> — {t(`setup.choices.${option}Hint`)}
            </span>
          </label>
        ))}
      </fieldset>
      {choice === 'first' ? <FirstStationForm /> : <JoinSiteForm />}
    </main>
  );
}
