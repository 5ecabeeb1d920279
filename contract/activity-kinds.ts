// The activities' fixed lists, without zod: the pane's first draw names them (the activity form's
// types, a call's outcomes, a series' weekdays) and must not download zod's schemas for that.
// activities.contract.ts and activity-series.contract.ts build their enums from these.

export const ACTIVITY_TYPES = ["CALL", "VISIT", "MEETING", "TASK", "EMAIL", "OTHER"] as const;

export const CALL_OUTCOMES = [
  "INTERESTED",
  "NOT_INTERESTED",
  "CALL_BACK",
  "NO_ANSWER",
  "WRONG_CONTACT",
  "MEETING_AGREED",
] as const;

export const DAYS_OF_WEEK = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;
