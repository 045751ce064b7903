import { defaultSiteTimeZone } from '../../shared/people';
import { i18next } from '../i18n';

/**
 * Dates and times in the language on screen (not the browser's) and in the site's time zone (not
 * the workstation's, issue #11): a French station shows 14:05, "vendredi 27 novembre"; English is
 * written as in the UK (24 h), since the site is in France.
 */
let siteTimeZone = defaultSiteTimeZone;

/** Called when the site is known (session store): every screen formats in its zone from then on. */
export function setSiteTimeZone(timeZone: string): void {
  siteTimeZone = timeZone;
}

const language = (): string => {
  const current = i18next.language || 'fr';
  return current === 'en' ? 'en-GB' : current;
};

export const formatTime = (iso: string, seconds = false): string =>
  new Date(iso).toLocaleTimeString(language(), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: siteTimeZone,
    ...(seconds ? { second: '2-digit' } : {}),
  });

export const formatDateTime = (iso: string): string =>
  new Date(iso).toLocaleString(language(), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone: siteTimeZone,
  });

/** A calendar day (YYYY-MM-DD) as people say it: "vendredi 27 novembre". */
export const formatDay = (day: string): string =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString(language(), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

/** A count or measure in the language on screen: "12 345" in French, "12,345" in English. */
export const formatNumber = (value: number, fractionDigits = 0): string =>
  new Intl.NumberFormat(language(), { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value);

/** Metres, whole: "12 345 m", "12,345 m", "12,345米". */
export const formatMetres = (metres: number): string =>
  new Intl.NumberFormat(language(), { style: 'unit', unit: 'meter', unitDisplay: 'short', maximumFractionDigits: 0 }).format(metres);

/** A percentage given as 0–100, whole: "25 %", "25%". */
export const formatPercent = (percent: number): string =>
  new Intl.NumberFormat(language(), { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);

/** A parcel's weight, given in grams, in kilograms: "1,25 kg", "1.25 kg", "1.25千克". */
export const formatWeight = (grams: number): string =>
  new Intl.NumberFormat(language(), { style: 'unit', unit: 'kilogram', unitDisplay: 'short', maximumFractionDigits: 3 }).format(grams / 1000);
