import { classifyGraphError, retryAfterMs, waitReasonOf } from "./graph-errors";

describe("classifyGraphError", () => {
  it.each([
    [401, "auth"],
    [403, "auth"],
    [404, "gone"],
    [410, "delta-expired"],
    [412, "conflict"],
    [408, "retry"],
    [429, "retry"],
    [500, "retry"],
    [503, "retry"],
    [504, "retry"],
    [0, "retry"],
    [400, "rejected"],
    [409, "rejected"],
    [422, "rejected"],
  ])("%i is %s", (status, kind) => {
    expect(classifyGraphError(status, undefined).kind).toBe(kind);
  });

  it("keeps Graph's code and message, and reads Retry-After in seconds or as a date", () => {
    const failure = classifyGraphError(429, { error: { code: "TooManyRequests", message: "Slow down" } }, "7");
    expect(failure).toMatchObject({ code: "TooManyRequests", message: "Slow down", retryAfterMs: 7_000 });
    expect(retryAfterMs("Wed, 21 Oct 2026 07:28:10 GMT", Date.parse("2026-10-21T07:28:00Z"))).toBe(10_000);
    // Without Retry-After the worker chooses the wait (exponential backoff), not the classifier.
    expect(classifyGraphError(503, undefined).retryAfterMs).toBeUndefined();
  });

  it.each([
    [0, null, "UNREACHABLE"],
    [429, "3", "THROTTLED"],
    [503, "30", "THROTTLED"],
    [503, null, "OUTLOOK_ERROR"],
    [500, null, "OUTLOOK_ERROR"],
    [408, null, "OUTLOOK_ERROR"],
    [401, null, "SIGN_IN"],
  ])("an activity waiting after %i (Retry-After %s) shows %s", (status, retryAfter, reason) => {
    expect(waitReasonOf(classifyGraphError(status, undefined, retryAfter))).toBe(reason);
  });

  it("treats Graph's resync codes as an expired delta whatever the status", () => {
    expect(classifyGraphError(400, { error: { code: "resyncRequired" } }).kind).toBe("delta-expired");
  });
});
