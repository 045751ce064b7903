/**
 * Stable error codes. The UI translates each one (`errors.<CODE>` in every locale; a test checks);
 * the `message` next to a code is English for logs and support, never shown as is.
 */
export const errorCodes = [
  // Transport and registrar
  'UNKNOWN_CHANNEL',
  'UNTRUSTED_SENDER',
  'INVALID_INPUT',
  'NOT_LOGGED_IN',
  'SESSION_LOCKED',
  'FORBIDDEN',
  'INTERNAL',
  'NETWORK',
  // Setup
  'SETUP_REQUIRED',
  'ALREADY_SET_UP',
  // Auth and users
  'BADGE_UNKNOWN',
  'WRONG_PIN',
  'BADGE_LOCKED',
  'USER_DISABLED',
  'BADGE_TAKEN',
  'USER_NOT_FOUND',
  'LAST_ADMIN',
  'OWN_ACCOUNT',
  'PIN_TOO_SHORT',
  // Stock
  'UNKNOWN_BARCODE',
  'PRODUCT_NOT_FOUND',
  'LOCATION_NOT_FOUND',
  'LOCATION_INACTIVE',
  'CONTAINER_NOT_FOUND',
  'NOT_A_LOCATION',
  'NOT_A_SOURCE',
  'SAME_PLACE',
  'QUANTITY_REQUIRED',
  'INSUFFICIENT_STOCK',
  'LOT_REQUIRED',
  'LOT_NOT_FOUND',
  'LOT_NOT_HERE',
  'ORIGIN_EMPTY',
  'NOT_AN_ITEM',
  'ITEM_NOT_HERE',
  'ITEM_IN_CONTAINER',
  'QUANTITY_INVALID',
  'CONFIRMATION_REQUIRED',
  'COUNT_NOT_FOUND',
  'COUNT_CLOSED',
  'COUNT_ALREADY_OPEN',
  'COUNT_NOT_PENDING',
  'COUNT_DECIDED_ON_TASK',
  'TASK_NOT_FOUND',
  'TASK_EXISTS',
  'ALREADY_CLAIMED',
  'NOT_CLAIMANT',
  'TASK_CLOSED',
  'TASK_NOT_COMPLETED',
  // Picking
  'PLAN_INPUT_INVALID',
  // Centre
  'CENTRE_UNREACHABLE',
  'CENTRE_TOKEN_REFUSED',
  'DEMO_UNAVAILABLE',
  'SITE_NOT_SET_UP',
  'SITE_ALREADY_SET_UP',
  'UPDATE_REQUIRED',
  // Database
  'DB_NEWER_THAN_APP',
  'DB_EMPTY',
  'DB_MISSING',
  'DB_CORRUPT',
  'DB_READ_ONLY',
  'DB_SCHEMA_MISMATCH',
  'DB_UNUSABLE',
  'DB_NATIVE_MODULE_MISMATCH',
  'DB_NATIVE_MODULE_MISSING',
  'BACKUP_FAILED',
  'BACKUP_DAMAGED',
  'BACKUP_NOT_FOUND',
  'RECOVERY_NOT_NEEDED',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const isErrorCode = (value: unknown): value is ErrorCode => typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
