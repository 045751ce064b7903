import { z } from 'zod';
import { roles, type Role } from './roles';
import { locales, type Locale } from './locale';

/** Input rules for people and sites, shared by the screens (instant feedback) and main (the authority). */
export const pinSchema = z.string().regex(/^\d{4,6}$/, 'PIN must be 4 to 6 digits');

/** Badges are printed barcodes; scanners with caps lock on must still match, so they are kept upper-case. */
export const badgeSchema = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[\x21-\x7e]+$/, 'badge must be printable ASCII without spaces')
  .transform((badge) => badge.toUpperCase());

export const personNameSchema = z.string().trim().min(1).max(80);
export const roleSchema = z.enum(roles);
export const localeSchema = z.enum(locales);
export const siteCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{2,16}$/, 'site code: 2 to 16 letters, digits or dashes')
  .transform((code) => code.toUpperCase());
export const siteNameSchema = z.string().trim().min(1).max(80);

/** An IANA time zone this runtime knows (Europe/Paris, Asia/Shanghai): the site's clock. */
export const timeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'unknown time zone');

export const defaultSiteTimeZone = 'Europe/Paris';
/** The station name on what the centre itself makes for the site (a cancelled order's tasks, the runs it plans). */
export const centreStationId = 'centre';
export const userIdSchema = z.number().int().positive();

export type UserView = {
  readonly id: number;
  readonly name: string;
  readonly badge: string;
  readonly role: Role;
  readonly locale: Locale;
  readonly disabled: boolean;
  readonly lockedUntil: string | null;
  readonly createdAt: string;
};

export type SessionView = {
  readonly user: { readonly id: number; readonly name: string; readonly role: Role; readonly locale: Locale };
  readonly locked: boolean;
  readonly startedAt: string;
  /** Seconds of inactivity before the station locks itself (site setting). */
  readonly idleLockSeconds: number;
};

/** What the login screen may know of a badge before the PIN: whom to greet, in which language. */
export type BadgeHolder = { readonly name: string; readonly locale: Locale };

export type SiteView = {
  readonly code: string;
  readonly name: string;
  readonly createdAt: string;
  readonly demo: boolean;
  /** The site's IANA time zone: every date and time on the screens is in it. */
  readonly timeZone: string;
};
