import { i18next } from '../i18n';

/**
 * Dates and times in the language on screen (not the browser's): a French station shows 14:05,
 * "vendredi 27 novembre"; the times are the station's own clock and time zone.
 */
const language = (): string => i18next.language || 'fr';

export const formatTime = (iso: string, seconds = false): string =>
  new Date(iso).toLocaleTimeString(language(), { hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}) });

export const formatDateTime = (iso: string): string =>
  new Date(iso).toLocaleString(language(), { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** A calendar day (YYYY-MM-DD) as people say it: "vendredi 27 novembre". */
export const formatDay = (day: string): string =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString(language(), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
