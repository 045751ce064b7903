import { z } from 'zod';
import { quantitySchema } from '../../shared/ipc/stock';
import { useSchemaForm } from '../lib/forms';
import { TextField } from './Field';
import { ScanField } from './ScanField';

/** The count of one scan is 1 (a case: its units) unless keyed first, with the contract's own bound. */
const perScanSchema = z.object({ quantity: quantitySchema });

/**
 * An item's scan field with the count each scan stands for beside it (counts, picks): `onScan`
 * gets the count only when one was keyed, and the field goes back to 1 after each scan.
 */
export function ItemScan({
  label,
  name,
  perScanLabel,
  onScan,
}: {
  readonly label: string;
  readonly name: string;
  readonly perScanLabel: string;
  readonly onScan: (code: string, count?: number) => Promise<void>;
}) {
  const { register, handleSubmit, errorOf, reset } = useSchemaForm(perScanSchema, { defaultValues: { quantity: 1 } });
  const scanned = (code: string): void =>
    void handleSubmit(async ({ quantity }) => {
      await onScan(code, quantity === 1 ? undefined : quantity);
      reset({ quantity: 1 });
    })();
  return (
    <div className="form-inline count-item">
      <ScanField hideLabel label={label} name={name} onScan={scanned} />
      <TextField label={perScanLabel} inputMode="numeric" error={errorOf('quantity')} {...register('quantity', { valueAsNumber: true })} />
    </div>
  );
}
