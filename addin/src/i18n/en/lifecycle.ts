/** The customer's lifecycle (features/lifecycle): release, approve, decline, and the decline notice. */
export const lifecycle = {
  steps: { release: "Release…", approve: "Approve", decline: "Decline…" },
  group: "Lifecycle",
  releaseForm: "Release customer",
  releaseQuestion:
    "Release {{name}} to the accounts department for approval? Until it is approved it cannot receive quotes or orders.",
  release: "Release",
  declineForm: "Decline customer",
  reason: "Reason",
  reasonHint: "The salesman sees it in the customer's history.",
  decline: "Decline",
  declined: "Declined",
  declinedBy: "Declined by {{name}}, {{when}}",
};
