/**
 * Symbology identifiers (ISO/IEC 15424, "]" + symbology character + modifier) that scanners may put
 * before the data. The GS1 meaning of each follows gs1-syntax-engine scandata.c `symIdTable` and the
 * GS1 General Specifications tables of symbology identifiers:
 * - GS1 data (FNC1 in first position): ]C1 GS1-128, ]e0 GS1 DataBar and composites, ]d2 GS1 DataMatrix,
 *   ]Q3 GS1 QR Code, ]J1 GS1 DotCode; ]d5 and ]Q4 are the same with ECI (ISO/IEC 16022, 18004 modifier
 *   tables); ]d8 is what zxing-cpp reports for GS1 DataMatrix in DMRE (rectangular extension) sizes —
 *   see zxing-cpp test/samples/datamatrix-4/gs1-figure-4.15.1-2-44x20.
 * - EAN/UPC: ]E0 EAN-13 or UPC-A as 13 digits (UPC-E as 8 digits), ]E4 EAN-8, ]E3 with add-on,
 *   ]E1/]E2 an add-on alone.
 * - Everything else carries plain data (]C0 Code 128, ]A0 Code 39, ]Q1 QR Code, ]d1 DataMatrix…).
 */

export type SymbologyKind = 'gs1' | 'ean' | 'ean-with-add-on' | 'add-on' | 'other';

export type SymbologySplit = {
  /** "]C1", or undefined when the scan has no symbology identifier. */
  readonly id: string | undefined;
  readonly kind: SymbologyKind | undefined;
  readonly data: string;
};

const gs1Ids = new Set([']C1', ']e0', ']d2', ']d5', ']d8', ']Q3', ']Q4', ']J1']);

const kindOf = (id: string): SymbologyKind => {
  if (gs1Ids.has(id)) return 'gs1';
  if (id === ']E0' || id === ']E4') return 'ean';
  if (id === ']E3') return 'ean-with-add-on';
  if (id === ']E1' || id === ']E2') return 'add-on';
  return 'other';
};

export function splitSymbology(input: string): SymbologySplit {
  if (!/^\][A-Za-z][0-9A-Za-z]/.test(input)) return { id: undefined, kind: undefined, data: input };
  const id = input.slice(0, 3);
  return { id, kind: kindOf(id), data: input.slice(3) };
}

const names: Readonly<Record<string, string>> = {
  ']A0': 'Code 39',
  ']C0': 'Code 128',
  ']E1': 'EAN/UPC 2-digit add-on',
  ']E2': 'EAN/UPC 5-digit add-on',
  ']I0': 'Interleaved 2 of 5',
  ']Q0': 'QR Code model 1',
  ']Q1': 'QR Code',
  ']Q2': 'QR Code with ECI',
  ']d1': 'Data Matrix',
  ']d4': 'Data Matrix with ECI',
};

/** A readable name for messages. */
export const symbologyName = (id: string): string => names[id] ?? `symbology ${id}`;
