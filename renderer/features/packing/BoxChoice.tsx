import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { boxTypes, maxParcelGrams, type BoxType } from '../../../shared/packing';
import { formatWeight } from '../../lib/format';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { useScans } from '../scanning/scans';
import { packActions } from './pack-flow';
import { parseWeight } from './weight';

/**
 * The box, by keyboard too: the sizes are a radio group (arrows move, 1–5 pick one), the weight is
 * optional, Enter goes on to the label; or the label scanned at once, which seals with them.
 */
export function BoxChoice({ box, weightGrams, busy }: { readonly box: BoxType | null; readonly weightGrams: number | null; readonly busy: boolean }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<BoxType | null>(box);
  const [weight, setWeight] = useState(weightGrams === null ? '' : String(weightGrams));
  const [problem, setProblem] = useState<{ readonly field: 'box' | 'weight'; readonly text: string } | null>(null);

  /** The box and weight as chosen, or why not (said under the field). */
  const checked = (): { readonly box: BoxType; readonly grams: number | null } | null => {
    if (!chosen) {
      setProblem({ field: 'box', text: t('packing.pack.boxRequired') });
      return null;
    }
    const entry = parseWeight(weight);
    if (!entry.ok) {
      setProblem({ field: 'weight', text: t(`packing.pack.weightProblems.${entry.problem}`, { max: formatWeight(maxParcelGrams) }) });
      return null;
    }
    setProblem(null);
    return { box: chosen, grams: entry.grams };
  };

  const submit = (event?: FormEvent): void => {
    event?.preventDefault();
    const choice = checked();
    if (choice) void packActions.chooseBox(choice.box, choice.grams);
  };

  // The carrier's label scanned straight away seals with the box chosen: no need to press Next first.
  useScans((scan) => {
    const choice = checked();
    if (!choice) return;
    void packActions.chooseBox(choice.box, choice.grams);
    void packActions.seal(scan.text);
  }, !busy);

  const onKeyDown = (event: KeyboardEvent<HTMLFieldSetElement>): void => {
    const picked = boxTypes[Number(event.key) - 1];
    if (picked) {
      event.preventDefault();
      setChosen(picked);
      document.querySelector<HTMLInputElement>(`input[name="pack-box"][value="${picked}"]`)?.focus();
    } else if (event.key === 'Enter') {
      submit();
    }
  };

  return (
    <form className="form pack-box-form" onSubmit={submit} noValidate data-box={chosen ?? ''}>
      <fieldset className={`pack-boxes ${problem?.field === 'box' ? 'field-invalid' : ''}`} onKeyDown={onKeyDown}>
        <legend>{t('packing.pack.boxLegend')}</legend>
        <div className="pack-box-options">
          {boxTypes.map((type, index) => (
            <label key={type} className={`pack-box ${chosen === type ? 'is-current' : ''}`}>
              <input
                type="radio"
                name="pack-box"
                value={type}
                checked={chosen === type}
                onChange={() => setChosen(type)}
                autoFocus={chosen === null ? index === 0 : chosen === type}
              />
              <span className="pack-box-name">{type}</span>
              <span className="pack-box-key" aria-hidden="true">
                {index + 1}
              </span>
            </label>
          ))}
        </div>
        {problem?.field === 'box' && <span className="field-error">{problem.text}</span>}
      </fieldset>
      <TextField
        label={t('packing.pack.weight')}
        hint={t('packing.pack.weightHint')}
        name="pack-weight"
        inputMode="decimal"
        value={weight}
        error={problem?.field === 'weight' ? problem.text : undefined}
        onChange={(event) => setWeight(event.target.value)}
      />
      <div className="actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {t('packing.pack.toLabel')}
        </Button>
      </div>
    </form>
  );
}
