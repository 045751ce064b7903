/**
 * Lookups over the generated AI table: by AI, by two-digit prefix (AI length), and the GS1 Digital Link
 * primary keys with their valid key-qualifier sequences.
 */

import { gs1AiTable } from './ai-table.generated';
import { entryAis } from './syntax-dictionary';
import type { AiEntry, AiTable } from './syntax-dictionary';

type AiIndex = {
  readonly byAi: ReadonlyMap<string, AiEntry>;
  /** GS1 GenSpecs §7.8.5: all AIs sharing their first two digits have the same length. */
  readonly lengthByPrefix: ReadonlyMap<string, number>;
  /** "01", "01 22", "01 22 10", … every path AI sequence the `dlpkey` attributes allow. */
  readonly keyQualifierSequences: ReadonlySet<string>;
};

/** Ordered subsets of the qualifiers (gs1-syntax-engine dl.c `addDLkeyQualifiers`). */
const orderedSubsets = (items: readonly string[]): string[][] =>
  items.reduce<string[][]>((subsets, item) => [...subsets, ...subsets.map((s) => [...s, item])], [[]]);

export function buildAiIndex(table: Readonly<AiTable>): AiIndex {
  const byAi = new Map<string, AiEntry>();
  const lengthByPrefix = new Map<string, number>();
  const keyQualifierSequences = new Set<string>();
  for (const entry of table.entries) {
    for (const ai of entryAis(entry)) {
      byAi.set(ai, entry);
      lengthByPrefix.set(ai.slice(0, 2), ai.length);
      for (const qualifiers of entry.dlpkey ?? []) {
        for (const subset of orderedSubsets(qualifiers)) keyQualifierSequences.add([ai, ...subset].join(' '));
      }
    }
  }
  return { byAi, lengthByPrefix, keyQualifierSequences };
}

let index: AiIndex | undefined;
const aiIndex = (): AiIndex => (index ??= buildAiIndex(gs1AiTable));

export const lookupAi = (ai: string): AiEntry | undefined => aiIndex().byAi.get(ai);

/** Length of the AI that starts `data`, from its first two digits, or undefined if no AI starts so. */
export const aiLengthAt = (data: string): number | undefined => aiIndex().lengthByPrefix.get(data.slice(0, 2));

export const isDlPrimaryKey = (ai: string): boolean => aiIndex().keyQualifierSequences.has(ai);

export const isValidKeyQualifierSequence = (ais: readonly string[]): boolean => aiIndex().keyQualifierSequences.has(ais.join(' '));

export const allAis = (): string[] => [...aiIndex().byAi.keys()];

export const aiMinLength = (entry: Readonly<AiEntry>): number => entry.components.reduce((sum, c) => sum + (c.optional ? 0 : c.min), 0);

export const aiMaxLength = (entry: Readonly<AiEntry>): number => entry.components.reduce((sum, c) => sum + c.max, 0);

/** True when `ai` requires no FNC1 after it (pre-defined length, `*` flag); unknown AIs need one. */
export const isPredefinedLength = (ai: string): boolean => lookupAi(ai)?.fnc1 === false;
