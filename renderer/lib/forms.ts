import { zodResolver } from '@hookform/resolvers/zod';
import type { TFunction } from 'i18next';
import { useForm, type FieldError, type FieldValues, type UseFormProps, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { i18next } from '../i18n';

/**
 * Every form of the station: react-hook-form with the contract's own zod schemas as resolver
 * (issue #8), so a rule is written once, in shared/, and the screen says it in the person's words.
 */

type Issue = {
  readonly code: string;
  readonly path?: readonly PropertyKey[] | undefined;
  readonly input?: unknown;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly origin?: string;
};

/** A field's own wording when it has one (`forms.fields.<field>.<code>`), else the general one. */
export function issueText(t: TFunction, issue: Issue): string {
  const field = (issue.path ?? []).map(String).join('.');
  const vars = { minimum: Number(issue.minimum), maximum: Number(issue.maximum) };
  const own = `forms.fields.${field}.${issue.code}`;
  if (field && i18next.exists(own)) return t(own, vars);
  switch (issue.code) {
    case 'invalid_type':
      return t(issue.input === undefined || issue.input === '' || Number.isNaN(issue.input) ? 'forms.required' : 'forms.invalid');
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? t('forms.required') : t('forms.tooShort', vars);
      return t('forms.tooSmall', vars);
    case 'too_big':
      return t(issue.origin === 'string' ? 'forms.tooLong' : 'forms.tooBig', vars);
    case 'not_multiple_of':
      return t('forms.wholeNumber');
    default:
      return t('forms.invalid');
  }
}

/** The message to show under a field. A schema's own (English) message never reaches the screen. */
export function fieldError(t: TFunction, name: string, error: FieldError | undefined): string | undefined {
  if (!error) return undefined;
  // A rule with its own message in the schema (a regex) keeps it over ours: its code decides here.
  if (error.type === 'invalid_format' || error.type === 'custom') return issueText(t, { code: error.type, path: name.split('.') });
  return error.message;
}

/** useForm over a zod schema; values are checked by it on submit, and again by main. */
export function useSchemaForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  options: Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, 'resolver'> = {},
): UseFormReturn<z.input<S>, unknown, z.output<S>> & { readonly errorOf: (name: string) => string | undefined } {
  const { t } = useTranslation();
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    ...options,
    resolver: zodResolver(schema, { error: (issue) => issueText(t, issue as Issue) }),
  });
  const errorOf = (name: string): string | undefined => {
    const error = name.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], form.formState.errors);
    return fieldError(t, name, error as FieldError | undefined);
  };
  return { ...form, errorOf };
}
