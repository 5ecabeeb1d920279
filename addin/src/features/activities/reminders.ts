/** The reminder choices every activity form offers (minutes before the start); a template's own is added. */
export const REMINDER_MINUTES: readonly number[] = [5, 15, 30, 60, 1440];
