/**
 * Message-level rules of the Syntax Dictionary, checked over the whole message in the order of
 * gs1-syntax-engine ai.c `gs1_validateAIs`: invalid pairs (`ex=`), mandatory associations (`req=`),
 * repeated AIs with different values, and the serialised key required by a digital signature (8030).
 *
 * The dictionary says these rules apply "over the combined data received from all GS1 carriers marking
 * a physical item", so the errors carry the elements read so far (`details.elements`): a caller holding
 * the other barcode of the same label can still use them.
 */

import { aiMinLength, lookupAi } from './ai-table';
import type { Gs1Element, Gs1Error } from './types';

/**
 * "01", "310n" or "35nn": fixed leading digits then "n" wildcards, each matching one digit
 * (gs1-syntax-engine ai.c `existsInAIdata`, where the mask must be at the end).
 */
export function matchesAiPattern(pattern: string, ai: string): boolean {
  const fixed = /^[0-9]*/.exec(pattern)?.[0] ?? '';
  if (fixed === '' || pattern.length !== ai.length || !/^n*$/.test(pattern.slice(fixed.length))) return false;
  return ai.startsWith(fixed) && /^[0-9]*$/.test(ai.slice(fixed.length));
}

/** Another AI of the message matching `pattern`; an AI never matches its own instances. */
const findOther = (elements: readonly Gs1Element[], pattern: string, self: string): Gs1Element | undefined =>
  elements.find((e) => e.ai !== self && matchesAiPattern(pattern, e.ai));

const describeReq = (groups: readonly (readonly string[])[]): string => groups.map((g) => g.join('+')).join(' or ');

export function validateAssociations(elements: readonly Gs1Element[]): Gs1Error | null {
  const detailsElements = elements.map(({ ai, value }) => ({ ai, value }));

  for (const element of elements) {
    for (const pattern of lookupAi(element.ai)?.ex ?? []) {
      const other = findOther(elements, pattern, element.ai);
      if (other !== undefined) {
        return {
          code: 'GS1_INVALID_PAIR',
          message: `AI (${element.ai}) must not be used with AI (${other.ai})`,
          details: { ai: element.ai, conflictsWith: other.ai, elements: detailsElements },
        };
      }
    }
  }

  for (const element of elements) {
    for (const groups of lookupAi(element.ai)?.req ?? []) {
      const satisfied = groups.some((group) => group.every((pattern) => findOther(elements, pattern, element.ai)));
      if (!satisfied) {
        return {
          code: 'GS1_MISSING_ASSOCIATION',
          message: `AI (${element.ai}) requires AI ${describeReq(groups)} in the same message`,
          details: { ai: element.ai, required: groups.map((g) => [...g]), elements: detailsElements },
        };
      }
    }
  }

  for (const [index, element] of elements.entries()) {
    const conflict = elements.slice(index + 1).find((e) => e.ai === element.ai && e.value !== element.value);
    if (conflict !== undefined) {
      return {
        code: 'GS1_DUPLICATE_AI',
        message: `AI (${element.ai}) appears twice with different values: "${element.value}" and "${conflict.value}"`,
        details: { ai: element.ai, values: [element.value, conflict.value], elements: detailsElements },
      };
    }
  }

  // GS1 GenSpecs on AI (8030): the signed key must be serialised, so 253, 255 and 8003 need their
  // optional serial component (gs1-syntax-engine `validateDigSigRequiresSerialisedKey`).
  if (elements.some((e) => e.ai === '8030')) {
    for (const element of elements) {
      const entry = lookupAi(element.ai);
      if (['253', '255', '8003'].includes(element.ai) && entry !== undefined && element.value.length === aiMinLength(entry)) {
        return {
          code: 'GS1_MISSING_SERIAL',
          message: `AI (${element.ai}) must include its serial component when used with AI (8030)`,
          details: { ai: element.ai, elements: detailsElements },
        };
      }
    }
  }
  return null;
}
