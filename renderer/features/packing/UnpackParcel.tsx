import { useTranslation } from 'react-i18next';
import { packing } from '../../../shared/ipc/packing';
import { errorText } from '../../lib/errors';
import { useSchemaForm } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { useFeedback } from '../../ui/feedback';
import { TextField } from '../../ui/Field';
import { useScans } from '../scanning/scans';
import { usePackLists } from './pack-flow';

/**
 * A shift lead opens a sealed parcel again (packing.unpack): its label scanned (SSCC or tracking
 * number), always with a reason, never by a scan alone. Its units go back to the pack station and
 * the order can be packed again.
 */
export function UnpackParcel() {
  const { t } = useTranslation();
  const open = usePackLists((state) => state.unpacking);
  const setOpen = usePackLists((state) => state.setUnpacking);
  if (!open)
    return (
      <div className="actions">
        <Button variant="danger" onClick={() => setOpen(true)}>
          {t('packing.unpack.open')}
        </Button>
      </div>
    );
  return <UnpackForm onDone={() => setOpen(false)} />;
}

function UnpackForm({ onDone }: { readonly onDone: () => void }) {
  const { t } = useTranslation();
  const unpack = usePackLists((state) => state.unpack);
  const show = useFeedback((state) => state.show);
  const { register, handleSubmit, errorOf, setValue, setFocus, formState } = useSchemaForm(packing.unpack.input, { defaultValues: { code: '', reason: '' } });
  // The parcel's label scanned wherever the focus is goes into its field; the reason is typed.
  useScans((scan) => {
    setValue('code', scan.text, { shouldValidate: formState.isSubmitted });
    setFocus('reason');
  });
  const submit = handleSubmit(async ({ code, reason }) => {
    const result = await unpack(code, reason);
    if (!result.ok) {
      show('error', errorText(t, result.error));
      return;
    }
    show('ok', t('packing.unpack.done', { sscc: result.value.sscc, orderId: result.value.orderId }));
    onDone();
  });
  return (
    <form className="form pack-unpack" onSubmit={(event) => void submit(event)} noValidate aria-label={t('packing.unpack.title')}>
      <h3>{t('packing.unpack.title')}</h3>
      <TextField
        label={t('packing.unpack.code')}
        hint={t('packing.unpack.codeHint')}
        autoFocus
        error={errorOf('code')}
        {...register('code')}
        // A code keyed by hand goes on to the reason, not to the unpack.
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          setFocus('reason');
        }}
      />
      <TextField label={t('packing.unpack.reason')} error={errorOf('reason')} {...register('reason')} />
      <div className="actions">
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="submit" variant="danger" disabled={formState.isSubmitting}>
          {t('packing.unpack.confirm')}
        </Button>
      </div>
    </form>
  );
}
