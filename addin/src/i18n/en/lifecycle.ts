/** Release, approval and decline of a customer (features/lifecycle). */
export const lifecycle = {
  declined: "Declined",
  declinedBy: "Declined by {{name}}, {{when}}",
  group: "Lifecycle",
  steps: { release: "Release…", approve: "Approve", decline: "Decline…" },
  releaseForm: "Release customer",
  releaseAsk:
    "Release {{name}} to the accounts department for approval? Until it is approved it cannot receive quotes or orders.",
  release: "Release",
  cancel: "Cancel",
  declineForm: "Decline customer",
  reason: "Reason",
  reasonHint: "The salesman sees it in the customer's history.",
  decline: "Decline",
};
