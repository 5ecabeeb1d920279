/** The Timeline tab (features/timeline): the filter, the entries, the lifecycle history. */
export const timeline = {
  heading: "Timeline",
  loading: "Loading the timeline…",
  backwards: "The period ends before it starts.",
  kinds: {
    ACTIVITY: "Activity",
    EMAIL: "E-mail",
    NOTE: "Note",
    QUOTE: "Quote",
    ORDER: "Order",
    LIFECYCLE: "Lifecycle",
  },
  filter: { label: "Timeline filter", kinds: "Kinds", from: "From", to: "To" },
  entries: "Timeline entries",
  empty: "No entries.",
  shown: "{{shown}} of {{total}}",
  loadingMore: "Loading…",
  loadMore: "Load more",
  lifecycle: {
    heading: "Lifecycle history",
    empty: "No transitions yet.",
    label: "Lifecycle transitions",
    transitions: { RELEASE: "Released", APPROVE: "Approved", DECLINE: "Declined" },
    states: { NEW: "new", RELEASED: "released", ACTIVE: "active", DECLINED: "declined" },
    reason: "reason: {{reason}}",
  },
};
