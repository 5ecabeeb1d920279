/** The adoption pathway chart on the Timeline tab (features/reports). */
export const adoption = {
  heading: "Adoption pathway",
  loading: "Loading the adoption pathway…",
  month: "Month",
  answers: "Profiling answers",
  period_one: "in the last {{count}} month",
  period_other: "in the last {{count}} months",
  none: "No profiling answers or call outcomes {{period}}.",
  summary: "{{period}}: {{answers}}, {{calls}}. Latest month with any: {{month}}.",
  answerCount_one: "{{count}} profiling answer",
  answerCount_other: "{{count}} profiling answers",
  callCount_one: "{{count}} call with an outcome",
  callCount_other: "{{count}} calls with an outcome",
  bar: "{{month}}: {{what}}",
};
