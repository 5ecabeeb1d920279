import { useMemo, useState } from "react";
import { createCrmApi } from "../../addin/src/api/crm-api";
import { TaskPaneApp } from "../../addin/src/app/task-pane-app";
import { createDevTokenSource } from "../../addin/src/auth/dev-token-source";
import { associateHandlers } from "../../addin/src/events/launch-event";
import { createOfficeMailbox } from "../../addin/src/office/office-mailbox";
import { createSimulatedMailbox } from "../../addin/src/office/simulated-mailbox";
import type { ThemeMode } from "../../addin/src/office/office-theme";
import { SafeHtml } from "../../addin/src/shared/safe-html";
import { DEMO_HOST_USERS, sampleEmails } from "./sample-emails";
import { ComposeForm } from "./compose-form";
import { answerThroughFake, createSimulatedOffice, sendThroughGraph } from "./simulated-office";

/**
 * Where the demo's Outlook sends mail: the Graph fake `npm start` runs (GRAPH_FAKE_PORT 4010), or the
 * one named by ?graph= (the browser suites' own), with its static token "demo-{user}".
 */
const GRAPH_FAKE = new URLSearchParams(location.search).get("graph") ?? "http://127.0.0.1:4010/v1.0";

/**
 * Outlook without Outlook: an inbox of sample emails from the demo data, a reading pane, and the
 * real task pane beside them on a simulated mailbox. Selecting a message is ItemChanged.
 */
export function DemoHost() {
  const [options] = useState(hostOptions);
  const [user, setUser] = useState(DEMO_HOST_USERS[0]!.email);
  const [theme, setTheme] = useState<ThemeMode>(options.theme);
  const [language, setLanguage] = useState(options.language);
  // One mailbox for the page's life; switching user re-addresses it.
  const [mailbox] = useState(() => createSimulatedMailbox(DEMO_HOST_USERS[0]!.email, undefined, options.language));
  const api = useMemo(
    () =>
      createCrmApi(
        "",
        createDevTokenSource("", () => mailbox.userEmail()),
      ),
    [mailbox],
  );
  // Writing a message: office.js as a compose add-in sees it, with the real OnMessageSend handler
  // registered on it as launchevent.js registers it in Outlook.
  const [outlook] = useState(() => {
    const simulated = createSimulatedOffice({
      userEmail: DEMO_HOST_USERS[0]!.email,
      displayLanguage: options.language,
      deliver: sendThroughGraph(GRAPH_FAKE, () => `demo-${mailbox.userEmail()}`),
    });
    associateHandlers(simulated.office);
    return simulated;
  });
  const composeMailbox = useMemo(() => createOfficeMailbox(outlook.office), [outlook]);
  const [composing, setComposing] = useState(0);
  const [sentNotice, setSentNotice] = useState<string | null>(null);
  const emails = useMemo(() => sampleEmails(user), [user]);
  const [selected, setSelected] = useState<number | null>(null);
  const current = selected === null ? null : emails[selected]!;
  // Messages ticked in the list: Outlook's multi-select (Mailbox 1.13), which the pane reads as a selection.
  const [ticked, setTicked] = useState<number[]>([]);

  const select = (index: number | null) => {
    if (composing) outlook.close();
    setComposing(0);
    setSentNotice(null);
    setSelected(index);
    setTicked([]);
    mailbox.select(index === null ? null : emails[index]!);
  };
  const tick = (index: number, on: boolean) => {
    const next = on ? [...ticked, index].sort((a, b) => a - b) : ticked.filter((each) => each !== index);
    setTicked(next);
    mailbox.selectMany(next.map((each) => emails[each]!));
  };
  const reply = () => {
    if (!current) return;
    outlook.compose({
      to: current.from ? [current.from.email] : [],
      cc: [],
      subject: /^re:/i.test(current.subject) ? current.subject : `RE: ${current.subject}`,
      bodyHtml: "<p></p>",
      conversationId: current.conversationId,
    });
    setSentNotice(null);
    setComposing((count) => count + 1);
  };
  // The sender answers in the same conversation: a message in the user's Inbox in Outlook (the fake).
  const answer = async () => {
    if (!current?.from || !current.conversationId) return;
    const from = current.from;
    try {
      await answerThroughFake(GRAPH_FAKE)({
        to: user,
        from: from.name ? { address: from.email, name: from.name } : { address: from.email },
        subject: /^re:/i.test(current.subject) ? current.subject : `RE: ${current.subject}`,
        conversationId: current.conversationId,
      });
      setSentNotice(`${from.name ?? from.email} answered: the answer is in your Outlook Inbox`);
    } catch (error) {
      setSentNotice((error as Error).message);
    }
  };
  // Outlook's display language: the pane reads it as it loads, so it is loaded again (a new key), and
  // the address keeps it (?lang=) for a reload of the page.
  const switchLanguage = (tag: string) => {
    mailbox.setDisplayLanguage(tag);
    outlook.setDisplayLanguage(tag);
    setLanguage(tag);
    const url = new URL(window.location.href);
    url.searchParams.set("lang", tag);
    window.history.replaceState(null, "", url);
  };
  const switchUser = (email: string) => {
    mailbox.setUser(email);
    outlook.setUser(email);
    setUser(email);
    setTicked([]);
    // The same message, addressed to the new user.
    mailbox.select(selected === null ? null : sampleEmails(email)[selected]!);
  };

  // Kept while its props stay: selecting a message re-draws this page, which in Outlook would not
  // re-draw the pane (it hears of the message through ItemChanged only).
  const paneMailbox = composing > 0 ? composeMailbox : mailbox;
  const pane = useMemo(
    () => <TaskPaneApp key={`${user}:${composing}:${language}`} api={api} mailbox={paneMailbox} theme={theme} />,
    [user, composing, language, api, paneMailbox, theme],
  );

  return (
    <div
      className={`demo-host demo-host--${theme}`}
      style={options.paneWidth ? { gridTemplateColumns: `280px 1fr ${options.paneWidth}px` } : undefined}
    >
      <header className="demo-host__bar">
        <strong>Outlook CRM · demo host</strong>
        <label>
          Signed in as{" "}
          <select value={user} onChange={(event) => switchUser(event.target.value)} aria-label="Signed in as">
            {DEMO_HOST_USERS.map((option) => (
              <option key={option.email} value={option.email}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={theme === "dark"}
            onChange={(event) => setTheme(event.target.checked ? "dark" : "light")}
          />{" "}
          Dark theme
        </label>
        <label>
          Outlook language{" "}
          <select
            value={language}
            onChange={(event) => switchLanguage(event.target.value)}
            aria-label="Outlook language"
          >
            {DISPLAY_LANGUAGES.map((option) => (
              <option key={option.tag} value={option.tag} lang={option.tag}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </header>
      <nav className="demo-host__inbox" aria-label="Inbox">
        <ul>
          {emails.map((email, index) => (
            <li key={email.internetMessageId} className="demo-host__message">
              <input
                type="checkbox"
                aria-label={`Select ${email.from?.name ?? email.from?.email}: ${email.subject}`}
                checked={ticked.includes(index)}
                onChange={(event) => tick(index, event.target.checked)}
              />
              <button
                type="button"
                aria-current={index === selected ? "true" : undefined}
                onClick={() => select(index)}
                data-message-id={email.internetMessageId}
              >
                <span className="demo-host__from">{email.from?.name ?? email.from?.email}</span>
                <span className="demo-host__subject">{email.subject}</span>
              </button>
            </li>
          ))}
        </ul>
        <button type="button" className="demo-host__clear" onClick={() => select(null)}>
          Deselect (item becomes null)
        </button>
      </nav>
      <main className="demo-host__reading" aria-label="Reading pane">
        {composing > 0 ? (
          <ComposeForm
            key={composing}
            outlook={outlook}
            onDone={(notice) => {
              setComposing(0);
              setSentNotice(notice);
            }}
          />
        ) : current ? (
          <>
            {sentNotice && <p role="status">{sentNotice}</p>}
            <button type="button" onClick={reply}>
              Reply
            </button>{" "}
            {current.from && current.conversationId && (
              <button type="button" onClick={() => void answer()}>
                Simulate an answer from {current.from.name ?? current.from.email}
              </button>
            )}
            <h2>{current.subject}</h2>
            <p>
              From {current.from?.name} &lt;{current.from?.email}&gt;
              {current.cc.length > 0 && <> · Cc {current.cc.map((cc) => cc.email).join(", ")}</>}
            </p>
            {current.attachments.some((attachment) => !attachment.isInline) && (
              <p>
                Attachments:{" "}
                {current.attachments
                  .filter((attachment) => !attachment.isInline)
                  .map((attachment) => attachment.name)
                  .join(", ")}
              </p>
            )}
            <SafeHtml html={current.body.html} />
          </>
        ) : (
          <p>Select a message on the left. The CRM pane on the right follows it, as a pinned pane does in Outlook.</p>
        )}
      </main>
      <aside className="demo-host__pane" aria-label="Task pane">
        {pane}
      </aside>
    </div>
  );
}

/** The display languages the switch offers, as Office.context.displayLanguage names them. */
const DISPLAY_LANGUAGES = [
  { tag: "en-US", label: "English" },
  { tag: "de-DE", label: "Deutsch" },
];

/**
 * `?lang=de-DE` starts in a German Outlook (the language switch sets it); `?paneWidth=320` sets the pane's width as Outlook's narrowest panes have it (the border and a
 * scroll bar included, as in Outlook); `?theme=dark|light` the theme it starts in.
 */
function hostOptions(): { paneWidth: number | null; theme: ThemeMode; language: string } {
  const query = new URLSearchParams(window.location.search);
  const language = query.get("lang");
  const width = Number(query.get("paneWidth"));
  const theme = query.get("theme");
  return {
    language: DISPLAY_LANGUAGES.find((option) => option.tag === language)?.tag ?? "en-US",
    paneWidth: Number.isInteger(width) && width >= 200 && width <= 2000 ? width : null,
    theme:
      theme === "dark" || theme === "light"
        ? theme
        : window.matchMedia?.("(prefers-color-scheme: dark)").matches
          ? "dark"
          : "light",
  };
}
