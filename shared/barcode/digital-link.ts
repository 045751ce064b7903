/**
 * GS1 Digital Link URIs (GS1 Digital Link Standard: URI Syntax), read into AI elements following
 * gs1-syntax-engine dl.c `gs1_parseDLuri` (Apache-2.0):
 * - any domain and any path before the primary key: the path is searched backwards for the rightmost
 *   "/AI/value" pair whose AI is a primary key (`dlpkey` in the Syntax Dictionary);
 * - the AIs after the key must form a key-qualifier sequence allowed by its `dlpkey` attribute, in order;
 * - query parameters with a numeric name are AIs and must be known and permitted as data attributes
 *   (`?` flag), and must not be qualifiers that belong in the path; other parameters are ignored;
 * - values are percent-decoded ("+" means a space only in the query, RFC 3986 / HTML form encoding);
 * - no AI may appear twice.
 * A zero-suppressed GTIN-8/12/13 in AI 01 is padded to 14 digits: the Standard's own examples
 * (https://brand.example.com/01/9520123456788) and labels printed before 14 digits were required use
 * it; the reference engine accepts it with `permitZeroSuppressedGTINinDLuris`.
 */

import { isDlPrimaryKey, isValidKeyQualifierSequence, lookupAi } from './ai-table';
import { checkValueLength, validateValue } from './element-value';
import type { ElementsOrError } from './element-string';
import { gs1Failure } from './types';
import type { Gs1Element } from './types';

/** RFC 3986 characters (unreserved, reserved and "%"), as dl.c `uriCharacters`. */
const uriCharacter = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]$/;
const domainCharacter = /^[A-Za-z0-9\-._~:[\]]$/;

export const looksLikeDigitalLink = (s: string): boolean => /^https?:\/\//i.test(s);

const badLink = (message: string, details?: Readonly<Record<string, unknown>>): ReturnType<typeof gs1Failure> =>
  gs1Failure('GS1_BAD_DIGITAL_LINK', message, details);

/** Percent-decoding of one path segment or query value; null when it decodes to a NUL. */
export function uriDecode(raw: string, isQuery: boolean): string | null {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] ?? '';
    const hex = raw.slice(i + 1, i + 3);
    if (c === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      const code = parseInt(hex, 16);
      if (code === 0) return null;
      out += String.fromCharCode(code);
      i += 2;
    } else {
      out += isQuery && c === '+' ? ' ' : c;
    }
  }
  return out;
}

/** GTIN-8, -12 and -13 in AI 01 right-aligned to 14 digits. */
const padGtin = (ai: string, value: string): string => (ai === '01' && [8, 12, 13].includes(value.length) ? value.padStart(14, '0') : value);

type Found = Gs1Element & { readonly position: number; readonly inPath: boolean };

export function parseDigitalLink(uri: string): ElementsOrError {
  const illegal = [...uri].findIndex((c) => !uriCharacter.test(c));
  if (illegal !== -1) return badLink('The URI contains characters not allowed in a URI', { position: illegal });

  const scheme = /^(https:\/\/|HTTPS:\/\/|http:\/\/|HTTP:\/\/)/.exec(uri)?.[0];
  if (scheme === undefined) return badLink('The scheme must be http:// or https://');
  const afterScheme = uri.slice(scheme.length);
  const slash = afterScheme.indexOf('/');
  const domain = slash === -1 ? afterScheme : afterScheme.slice(0, slash);
  if (slash < 1) return badLink('The URI must have a domain and a path');
  if (![...domain].every((c) => domainCharacter.test(c))) return badLink(`The domain "${domain}" is not valid`);

  const rest = afterScheme.slice(slash);
  const beforeFragment = rest.split('#')[0] ?? '';
  const queryStart = beforeFragment.indexOf('?');
  const path = queryStart === -1 ? beforeFragment : beforeFragment.slice(0, queryStart);
  const query = queryStart === -1 ? '' : beforeFragment.slice(queryStart + 1);
  const base = scheme.length + slash;

  const segments = path.slice(1).split('/');
  let keyIndex = -1;
  for (let i = segments.length - 2; i >= 0; i -= 2) {
    const ai = segments[i] ?? '';
    if (!/^[0-9]+$/.test(ai) || lookupAi(ai) === undefined) break;
    if (isDlPrimaryKey(ai)) {
      keyIndex = i;
      break;
    }
  }
  if (keyIndex === -1) return badLink('No GS1 Digital Link primary key found in the path');

  const found: Found[] = [];
  let offset = base + 1 + segments.slice(0, keyIndex).reduce((sum, s) => sum + s.length + 1, 0);
  for (let i = keyIndex; i < segments.length; i += 2) {
    const ai = segments[i] ?? '';
    const raw = segments[i + 1] ?? '';
    if (raw === '') return badLink(`AI (${ai}) has an empty value in the path`, { ai, position: offset });
    const decoded = uriDecode(raw, false);
    if (decoded === null) return badLink(`AI (${ai}) value in the path decodes to a NUL character`, { ai, position: offset });
    found.push({ ai, value: padGtin(ai, decoded), position: offset, inPath: true });
    offset += ai.length + raw.length + 2;
  }

  let paramOffset = base + path.length + 1;
  for (const param of query.split('&')) {
    const position = paramOffset;
    paramOffset += param.length + 1;
    const eq = param.indexOf('=');
    if (eq === -1) continue; // singletons are not AI data
    const name = param.slice(0, eq);
    if (!/^[0-9]+$/.test(name)) continue; // non-AI parameters are for the resolver, not for us
    if (lookupAi(name) === undefined) {
      return gs1Failure('GS1_UNKNOWN_AI', `Unknown AI (${name}) in the query parameters`, { ai: name, position });
    }
    const raw = param.slice(eq + 1);
    if (raw === '') return badLink(`AI (${name}) has an empty value in the query`, { ai: name, position });
    const decoded = uriDecode(raw, true);
    if (decoded === null) return badLink(`AI (${name}) value in the query decodes to a NUL character`, { ai: name, position });
    found.push({ ai: name, value: padGtin(name, decoded), position, inPath: false });
  }

  for (const { ai, value, position } of found) {
    const entry = lookupAi(ai);
    const lengthProblem = entry === undefined ? null : checkValueLength(ai, entry, value, position);
    if (lengthProblem) return { ok: false, error: lengthProblem };
  }

  const pathAis = found.filter((f) => f.inPath).map((f) => f.ai);
  if (!isValidKeyQualifierSequence(pathAis)) {
    return badLink(`The path AIs (${pathAis.join(')/(')}) are not a valid key-qualifier sequence for AI (${pathAis[0] ?? ''})`, {
      ai: pathAis[0],
      path: pathAis,
    });
  }

  for (const [index, f] of found.entries()) {
    if (found.slice(index + 1).some((other) => other.ai === f.ai)) {
      return gs1Failure('GS1_DUPLICATE_AI', `AI (${f.ai}) appears more than once in the Digital Link URI`, {
        ai: f.ai,
        position: f.position,
      });
    }
  }

  for (const attribute of found.filter((f) => !f.inPath)) {
    if (lookupAi(attribute.ai)?.dlDataAttr !== true) {
      return badLink(`AI (${attribute.ai}) is not permitted as a Digital Link query parameter`, {
        ai: attribute.ai,
        position: attribute.position,
      });
    }
    for (let j = 1; j <= pathAis.length; j++) {
      if (isValidKeyQualifierSequence([...pathAis.slice(0, j), attribute.ai, ...pathAis.slice(j)])) {
        return badLink(`AI (${attribute.ai}) is a key qualifier: it belongs in the path, not in the query`, {
          ai: attribute.ai,
          position: attribute.position,
        });
      }
    }
  }

  for (const { ai, value, position } of found) {
    const entry = lookupAi(ai);
    if (entry === undefined) continue;
    const check = validateValue(ai, entry, value, position);
    if (!check.ok) return check;
  }
  return { ok: true, elements: found.map(({ ai, value }) => ({ ai, value })) };
}
