/**
 * Barcode reading for Quai: GS1 data (element strings, human-readable form, Digital Link URIs,
 * EAN/UPC) validated against the GS1 Barcode Syntax Dictionary, and the warehouse classification of a
 * scan. Pure TypeScript, used by the renderer and the main process alike.
 */

export { parseGs1 } from './parse';
export { classifyScan } from './classify';
export type { ClassifiedScan, LooksLike, MissingAssociation, ScanError, SsccContents } from './classified-scan';
export { defaultScanPatterns, validateScanPatterns } from './scan-patterns';
export type { ScanPatternProblem, ScanPatterns } from './scan-patterns';
export type { Carrier } from './parcel';
export { gs1CheckDigit, isValidGtin, isValidSscc, normaliseGtin } from './check-digit';
export { gs1Decimal } from './decimal';
export { gs1DateToIso } from './dates';
export { toElementString, toHumanReadable } from './format';
export { barcodeErrorCodes, gs1ErrorCodes, scanErrorCodes } from './errors';
export type { BarcodeErrorCode, Gs1ErrorCode, ScanErrorCode } from './errors';
export type { Gs1Element, Gs1Error, Gs1ParseOptions, Gs1ParseResult } from './types';
