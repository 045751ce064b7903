// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auth } from '../../shared/ipc/auth';
import { reasonSchema } from '../../shared/ipc/stock';
import { i18next } from '../i18n';
import { TextField } from '../ui/Field';
import { useSchemaForm } from './forms';

afterEach(cleanup);

function Form<S extends z.ZodType<Record<string, unknown>, Record<string, unknown>>>({ schema, fields }: { schema: S; fields: readonly string[] }) {
  const { register, handleSubmit, errorOf } = useSchemaForm(schema);
  return (
    <form onSubmit={(event) => void handleSubmit(() => undefined)(event)} noValidate>
      {fields.map((name) => (
        <TextField key={name} label={name} error={errorOf(name)} {...register(name as never)} />
      ))}
      <button type="submit">ok</button>
    </form>
  );
}

describe('forms on the contract schemas', () => {
  it("say the contract's rules in the person's words, never zod's English", async () => {
    await i18next.changeLanguage('fr');
    render(
      <Form
        schema={z.object({ reason: reasonSchema, pin: auth.resetPin.input.shape.pin, name: auth.createUser.input.shape.name })}
        fields={['reason', 'pin', 'name']}
      />,
    );
    await userEvent.type(screen.getByRole('textbox', { name: 'reason' }), 'ab');
    await userEvent.type(screen.getByRole('textbox', { name: 'pin' }), '12');
    await userEvent.type(screen.getByRole('textbox', { name: 'name' }), 'x'.repeat(81));
    await userEvent.click(screen.getByRole('button', { name: 'ok' }));
    await waitFor(() => expect(screen.getByText('Indiquez un motif d’au moins 3 caractères')).toBeTruthy());
    expect(screen.getByText('De 4 à 6 chiffres')).toBeTruthy();
    expect(screen.getByText('Trop long : au plus 80 caractères')).toBeTruthy();
  });
});
