import type { z } from 'zod';
import type { Role } from '../roles';
import type { Result } from '../result';

/**
 * Who may call an operation: anyone (`public`, e.g. login), anyone with an unlocked session
 * (`session`), or only the listed roles. The registrar in main enforces it for every call.
 */
export type Access = 'public' | 'session' | readonly Role[];

declare const outputType: unique symbol;
/** Phantom marker carrying an operation's output type; main is trusted, so outputs are not parsed. */
export type Returns<T> = { readonly [outputType]?: T };
export const returns = <T>(): Returns<T> => ({});

export type OperationSpec = {
  readonly input: z.ZodType;
  readonly output: Returns<unknown>;
  readonly access: Access;
  /** A passive call (status polling) does not count as user activity for the idle lock. */
  readonly passive?: boolean;
};

export type Operation<S extends OperationSpec = OperationSpec> = S & { readonly channel: string };

export type InputOf<O> = O extends { readonly input: infer I extends z.ZodType } ? z.input<I> : never;
export type ParsedInputOf<O> = O extends { readonly input: infer I extends z.ZodType } ? z.output<I> : never;
export type OutputOf<O> = O extends { readonly output: Returns<infer T> } ? T : never;

type Kebab<S extends string> = S extends `${infer H}${infer T}` ? `${H extends Lowercase<H> ? H : `-${Lowercase<H>}`}${Kebab<T>}` : S;

export const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export type Module<M extends string, Specs extends Record<string, OperationSpec>> = {
  readonly [K in keyof Specs & string]: Specs[K] & { readonly channel: `${M}:${Kebab<K>}` };
};

/** Channels are derived from module and operation names (`auth` + `createUser` → `auth:create-user`). */
export function defineModule<M extends string, const Specs extends Record<string, OperationSpec>>(module: M, specs: Specs): Module<M, Specs> {
  const entries = Object.entries(specs).map(([name, spec]) => [name, { ...spec, channel: `${module}:${kebab(name)}` }]);
  return Object.fromEntries(entries) as Module<M, Specs>;
}

export type EventModule<M extends string, Payloads extends Record<string, Returns<unknown>>> = {
  readonly [K in keyof Payloads & string]: { readonly name: `${M}:${Kebab<K>}`; readonly payload: Payloads[K] };
};

/** Events pushed from main to the page (session changes, sync progress, new orders, printer state). */
export function defineEvents<M extends string, Payloads extends Record<string, Returns<unknown>>>(module: M, payloads: Payloads): EventModule<M, Payloads> {
  const entries = Object.entries(payloads).map(([name, payload]) => [name, { name: `${module}:${kebab(name)}`, payload }]);
  return Object.fromEntries(entries) as EventModule<M, Payloads>;
}

export type PayloadOf<E> = E extends { readonly payload: Returns<infer T> } ? T : never;

/** The typed client both the preload bridge and the web transport expose: one method per operation. */
export type ModuleClient<Mod> = {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- "takes no required input"
  readonly [K in keyof Mod]: {} extends InputOf<Mod[K]>
    ? (input?: InputOf<Mod[K]>) => Promise<Result<OutputOf<Mod[K]>>>
    : (input: InputOf<Mod[K]>) => Promise<Result<OutputOf<Mod[K]>>>;
};
