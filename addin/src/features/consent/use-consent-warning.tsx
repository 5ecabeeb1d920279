import { type ReactNode, useState } from "react";
import type { ConsentChannel, ConsentChannelState } from "contract";
import { preloadable } from "../../shared/preloadable";
import type { RecordContact } from "./consent-channels";

// The warning itself is drawn only after a click on a withdrawn channel: its code is fetched once a
// form that may show it is on screen, not in the pane's first download.
const warningView = preloadable(() => import("./consent-warning.js"));

/**
 * Wraps an action that reaches a contact through a channel: it runs at once, unless the contact
 * withdrew consent for that channel; then `warning` shows, and it runs only on "Continue anyway".
 * Nothing is blocked: the point is that the user saw it.
 */
export function useConsentWarning(): {
  guard: (contact: RecordContact | null | undefined, channel: ConsentChannel | null, action: () => void) => void;
  warning: ReactNode;
} {
  const [pending, setPending] = useState<{ name: string; state: ConsentChannelState; action: () => void } | null>(null);
  const guard = (contact: RecordContact | null | undefined, channel: ConsentChannel | null, action: () => void) => {
    const state = channel ? contact?.consent.find((candidate) => candidate.channel === channel) : undefined;
    if (contact && state?.status === "WITHDRAWN")
      setPending({ name: `${contact.firstName} ${contact.lastName}`, state, action });
    else action();
  };
  const loaded = warningView.use();
  // Until the chunk is there (a click in the first instant), the action waits, and the warning
  // draws as soon as it arrives.
  const warning = pending && loaded && (
    <loaded.ConsentWarning
      name={pending.name}
      state={pending.state}
      onContinue={() => {
        setPending(null);
        pending.action();
      }}
      onCancel={() => setPending(null)}
    />
  );
  return { guard, warning };
}
