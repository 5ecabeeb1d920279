import "@testing-library/jest-dom";
import { render, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { createCrmApi } from "../../../addin/src/api/crm-api";
import { TaskPaneApp } from "../../../addin/src/app/task-pane-app";
import { type TestMessage, createOutlookMock } from "./office-mock";
import { currentCrm } from "./use-crm";

// jsdom has no ResizeObserver; Fluent's MessageBar watches its own width with one.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

/**
 * The whole pane as Outlook would host it: office mock for the mailbox, the real service (useCrm)
 * behind its fetch, same-origin as the pane is in Outlook, signed in as the suite's user.
 */
export function renderPane(message: TestMessage | null) {
  const crm = currentCrm();
  const outlook = createOutlookMock(message, crm.me.email);
  const api = createCrmApi(location.origin, () => crm.paneToken());
  const view = render(<TaskPaneApp api={api} mailbox={outlook.mailbox} theme="light" />);
  return { ...view, crm, outlook };
}

export { apiUrl, instead, server, useCrm } from "./use-crm";

export const JONAS = { email: "jonas.keller@fabrikam.com", name: "Jonas Keller" };
export const GIULIA = { email: "giulia.conti@tailspintoys.com", name: "Giulia Conti" };

/** Opens a tab of the record and waits for its code, which the pane fetches when it is first opened. */
export async function openRecordTab(user: UserEvent, record: HTMLElement, name: string) {
  await user.click(within(record).getByRole("tab", { name }));
  await waitFor(() => expect(within(record).queryByText(`Loading ${name}…`)).not.toBeInTheDocument());
}

/**
 * A button as a person can press it: shown, then enabled. The pane disables some buttons while it
 * asks the service first ("Log this email" until it knows whether the message is logged); the real
 * service takes longer to answer than the old fakes did, and a click on a disabled button is lost.
 */
export async function findEnabledButton(name: string, scope: HTMLElement = document.body) {
  const button = await within(scope).findByRole("button", { name });
  await waitFor(() => expect(button).toBeEnabled());
  return button;
}
