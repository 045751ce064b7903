/** A shipped migration is never edited: a change to the schema is a new, higher-numbered file. */
export type Migration = { readonly version: number; readonly name: string; readonly up: string };
