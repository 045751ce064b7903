/**
 * Writing elements back out: the human-readable interpretation and the raw string a symbol encodes.
 */

import { isPredefinedLength } from './ai-table';
import { GS } from './types';
import type { Gs1Element } from './types';

/** Callers from plain JavaScript may pass anything; only well-formed elements are written. */
const asList = (elements: readonly Gs1Element[]): Gs1Element[] =>
  Array.isArray(elements)
    ? (elements as readonly unknown[]).filter((e): e is Gs1Element => {
        const candidate = e as Partial<Gs1Element> | null;
        return typeof candidate?.ai === 'string' && typeof candidate.value === 'string';
      })
    : [];

/** "(01)09506000134352(17)201225(10)ABC123"; a "(" in a value is written "\(" as parseGs1 reads it. */
export const toHumanReadable = (elements: readonly Gs1Element[]): string =>
  asList(elements)
    .map(({ ai, value }) => `(${ai})${value.replaceAll('(', '\\(')}`)
    .join('');

/**
 * Raw element string for an encoder (FNC1 in first position is the encoder's job): elements in the
 * given order, `gs` after every element whose AI is not of pre-defined length, except the last
 * (GS1 GenSpecs §7.8.5: pre-defined length AIs need no separator).
 */
export const toElementString = (elements: readonly Gs1Element[], gs: string = GS): string =>
  asList(elements)
    .map(({ ai, value }, index) => `${ai}${value}${index < elements.length - 1 && !isPredefinedLength(ai) ? gs : ''}`)
    .join('');
