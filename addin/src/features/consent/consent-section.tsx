import { Badge, Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ConsentChannelState } from "contract";
import { useServices } from "../../shared/services-context";
import { EmptyState, ErrorState, Loading } from "../../shared/state-views";
import { useLayoutStyles } from "../../shared/layout-styles";
import { useAsync } from "../../shared/use-async";
import { useFormat } from "../../i18n";
import type { RecordContact } from "./consent-channels";
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
const STATUS_COLOR = { GRANTED: "success", WITHDRAWN: "danger", UNKNOWN: "subtle" } as const;

/** Marketing consent of every contact of the customer: current per channel, recorded on the spot. */
export function ConsentSection({ contacts, onChanged }: { contacts: RecordContact[]; onChanged: () => void }) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("consent");
  return (
    <section className={layout.form} aria-labelledby="consent-heading">
      <Text id="consent-heading" as="h3" weight="semibold" size={400}>
        {t("heading")}
      </Text>
      {contacts.length === 0 ? (
        <EmptyState>{t("noContacts")}</EmptyState>
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
  const { t } = useTranslation("consent");
  const name = `${contact.firstName} ${contact.lastName}`;
  const [recording, setRecording] = useState(false);
  const [history, setHistory] = useState(false);
  // The history list reloads after each new entry.
  const [round, setRound] = useState(0);
  return (
    <li className={styles.contact} aria-label={t("consentOf", { name })}>
      <Text weight="semibold">{name}</Text>
      <ul className={layout.list} aria-label={t("currentOf", { name })}>
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
          <Button size="small" onClick={() => setRecording(true)} aria-label={t("recordFor", { name })}>
            {t("record")}
          </Button>
          <Button size="small" appearance="subtle" onClick={() => setHistory(!history)} aria-expanded={history}>
            {history ? t("hideHistory") : t("showHistory")}
          </Button>
        </div>
      )}
      {history && <ConsentHistory contactId={contact.id} name={name} round={round} />}
    </li>
  );
}

function ChannelLine({ state }: { state: ConsentChannelState }) {
  const { t } = useTranslation("consent");
  return (
    <Caption1>
      {t(`channels.${state.channel}`)}:{" "}
      <Badge appearance="tint" color={STATUS_COLOR[state.status]} size="small">
        {t(`status.${state.status}`)}
      </Badge>
      {state.current ? ` ${state.current.source}, ${state.current.date}` : ""}
    </Caption1>
  );
}

/** Every entry ever recorded for the contact, newest first (kept for GDPR). */
function ConsentHistory({ contactId, name, round }: { contactId: string; name: string; round: number }) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("consent");
  const format = useFormat();
  const { api, me } = useServices();
  const view = useAsync(() => api.consent(contactId), [contactId, round]);
  if (view.status === "loading") return <Loading label={t("loadingHistory")} />;
  if (view.status === "error") return <ErrorState error={view.error} onRetry={view.reload} />;
  if (view.data.history.length === 0) return <EmptyState>{t("nothingYet")}</EmptyState>;
  return (
    <ul className={layout.list} aria-label={t("historyOf", { name })}>
      {view.data.history.map((entry) => (
        <li key={entry.id} className={layout.item}>
          <Caption1>
            {t("historyEntry", {
              date: entry.date,
              channel: t(`channels.${entry.channel}`),
              status: t(`statusInText.${entry.status}`),
              source: entry.source,
            })}
          </Caption1>
          <Caption1>
            {t("recordedBy", { name: entry.recordedBy.name, when: format.dateTime(entry.recordedAt, me.timeZone) })}
          </Caption1>
        </li>
      ))}
    </ul>
  );
}
