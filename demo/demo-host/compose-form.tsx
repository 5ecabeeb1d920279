import { useState } from "react";
import type { SimulatedOffice } from "./simulated-office";

const list = (value: string) =>
  value
    .split(/[;,]/)
    .map((entry) => entry.trim())
    .filter(Boolean);

/** The demo's message window: what the user types goes into the compose item the pane and the send handler read. */
export function ComposeForm({
  outlook,
  onDone,
}: {
  outlook: SimulatedOffice;
  onDone: (notice: string | null) => void;
}) {
  const draft = outlook.draft();
  const [to, setTo] = useState(draft?.to.join(", ") ?? "");
  const [cc, setCc] = useState(draft?.cc.join(", ") ?? "");
  const [subject, setSubject] = useState(draft?.subject ?? "");
  const [body, setBody] = useState("");
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const send = async () => {
    setSending(true);
    setProblem(null);
    outlook.edit({ to: list(to), cc: list(cc), subject, bodyHtml: `<p>${escapeHtml(body)}</p>` });
    try {
      const outcome = await outlook.send();
      if (outcome.sent) onDone(`Sent: ${subject}`);
      else setProblem(outcome.reason);
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setSending(false);
    }
  };

  return (
    <form
      aria-label="New message"
      className="demo-host__compose"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <label>
        To <input value={to} onChange={(event) => setTo(event.target.value)} />
      </label>
      <label>
        Cc <input value={cc} onChange={(event) => setCc(event.target.value)} />
      </label>
      <label>
        Subject <input value={subject} onChange={(event) => setSubject(event.target.value)} />
      </label>
      <label>
        Message <textarea rows={8} value={body} onChange={(event) => setBody(event.target.value)} />
      </label>
      {problem && <p role="alert">{problem}</p>}
      <div>
        <button type="submit" disabled={sending}>
          Send
        </button>{" "}
        <button
          type="button"
          onClick={() => {
            outlook.close();
            onDone(null);
          }}
        >
          Discard
        </button>
      </div>
    </form>
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`).replaceAll("\n", "<br>");
}
