/**
 * What an admin is told about the station's own health (issues #8, #9): problems the station got
 * past by itself, but someone must know of. Each code has `notices.<CODE>` in every locale.
 */
export const noticeCodes = [
  /** A stored settings document could not be read: the defaults are in use until an admin saves. */
  'SETTINGS_UNREADABLE',
  /** The log folder cannot be written: lines go to stderr. */
  'LOGS_UNWRITABLE',
  /** Files of the data folder another user could read, and the station could not make private. */
  'FILE_MODES_UNREPAIRED',
  /** The daily backup could not be written. */
  'BACKUP_FAILED',
  /** The daily backup failed its integrity check: the copy was deleted; the database may be damaged. */
  'BACKUP_DAMAGED',
  /** A periodic task (idle lock, backup, sync schedule) failed; it is tried again at its next turn. */
  'TASK_FAILED',
  /** The database was restored from a backup in recovery; what came after that backup is gone. */
  'DB_RESTORED',
] as const;
export type NoticeCode = (typeof noticeCodes)[number];

export type Notice = {
  readonly code: NoticeCode;
  /** When it last happened. */
  readonly at: string;
  /** Values for the translated text (a file, a task, a time). */
  readonly details: Readonly<Record<string, string | number>>;
};

/** What a TASK_FAILED notice names as its `task` (`notices.tasks.<task>`). */
export const noticeTasks = ['idle-lock', 'daily-backup', 'sync', 'web-host', 'main-process'] as const;
export type NoticeTask = (typeof noticeTasks)[number];

/** What a SETTINGS_UNREADABLE notice names as its `subject` (`notices.subjects.<subject>`). */
export const noticeSubjects = ['station', 'scanner'] as const;
