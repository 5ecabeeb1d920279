import { Badge, Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useFormat } from "../../i18n";
import { useState } from "react";
import type { ConsentChannelState } from "contract";
import { useServices } from "../../shared/services-context";
import { EmptyState, ErrorState, Loading } from "../../shared/state-views";
import { useLayoutStyles } from "../../shared/layout-styles";
import { useAsync } from "../../shared/use-async";
import { CHANNEL_LABEL, type RecordContact } from "./consent-channels";
import { ConsentForm } from "./consent-form";

const useStyles = makeStyles({
  contact: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});
const STATUS = {
  GRANTED: { label: "Granted", color: "success" },
  WITHDRAWN: { label: "Withdrawn", color: "danger" },
  UNKNOWN: { label: "Not recorded", color: "subtle" },
} as const;

/** Marketing consent of every contact of the customer: current per channel, recorded on the spot. */
export function ConsentSection({ contacts, onChanged }: { contacts: RecordContact[]; onChanged: () => void }) {
  const layout = useLayoutStyles();
  return (
    <section className={layout.form} aria-labelledby="consent-heading">
      <Text id="consent-heading" as="h3" weight="semibold" size={400}>
        Marketing consent
      </Text>
      {contacts.length === 0 ? (
        <EmptyState>No contacts.</EmptyState>
      ) : (
        <ul className={layout.list}>
          {contacts.map((contact) => (
            <ContactConsent key={contact.id} contact={contact} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ContactConsent({ contact, onChanged }: { contact: RecordContact; onChanged: () => void }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const name = `${contact.firstName} ${contact.lastName}`;
  const [recording, setRecording] = useState(false);
  const [history, setHistory] = useState(false);
  // The history list reloads after each new entry.
  const [round, setRound] = useState(0);
  return (
    <li className={styles.contact} aria-label={`Consent of ${name}`}>
      <Text weight="semibold">{name}</Text>
      <ul className={layout.list} aria-label={`Current consent of ${name}`}>
        {contact.consent.map((state) => (
          <li key={state.channel}>
            <ChannelLine state={state} />
          </li>
        ))}
      </ul>
      {recording ? (
        <ConsentForm
          contactId={contact.id}
          name={name}
          onSaved={() => {
            setRecording(false);
            setRound((value) => value + 1);
            onChanged();
          }}
          onCancel={() => setRecording(false)}
        />
      ) : (
        <div className={layout.buttons}>
          <Button size="small" onClick={() => setRecording(true)} aria-label={`Record consent for ${name}`}>
            Record consent
          </Button>
          <Button size="small" appearance="subtle" onClick={() => setHistory(!history)} aria-expanded={history}>
            {history ? "Hide history" : "Show history"}
          </Button>
        </div>
      )}
      {history && <ConsentHistory contactId={contact.id} name={name} round={round} />}
    </li>
  );
}

function ChannelLine({ state }: { state: ConsentChannelState }) {
  const status = STATUS[state.status];
  return (
    <Caption1>
      {CHANNEL_LABEL[state.channel]}:{" "}
      <Badge appearance="tint" color={status.color} size="small">
        {status.label}
      </Badge>
      {state.current ? ` ${state.current.source}, ${state.current.date}` : ""}
    </Caption1>
  );
}

/** Every entry ever recorded for the contact, newest first (kept for GDPR). */
function ConsentHistory({ contactId, name, round }: { contactId: string; name: string; round: number }) {
  const format = useFormat();
  const layout = useLayoutStyles();
  const { api, me } = useServices();
  const view = useAsync(() => api.consent(contactId), [contactId, round]);
  if (view.status === "loading") return <Loading label="Loading the consent history…" />;
  if (view.status === "error") return <ErrorState error={view.error} onRetry={view.reload} />;
  if (view.data.history.length === 0) return <EmptyState>Nothing recorded yet.</EmptyState>;
  return (
    <ul className={layout.list} aria-label={`Consent history of ${name}`}>
      {view.data.history.map((entry) => (
        <li key={entry.id} className={layout.item}>
          <Caption1>
            {entry.date} · {CHANNEL_LABEL[entry.channel]} {STATUS[entry.status].label.toLowerCase()} · {entry.source}
          </Caption1>
          <Caption1>
            recorded by {entry.recordedBy.name}, {format.dateTime(entry.recordedAt, me.timeZone)}
          </Caption1>
        </li>
      ))}
    </ul>
  );
}
