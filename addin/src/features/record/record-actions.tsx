import { Button } from "@fluentui/react-components";
import { Suspense, lazy, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CustomerRecord } from "contract";
import { useLayoutStyles } from "../../shared/layout-styles";
import type { MailItem } from "../../office/mail-item.types";
import { SHORTCUTS, ShortcutButton } from "../../shared/shortcut-button";
import { Loading } from "../../shared/state-views";
import { preloadable } from "../../shared/preloadable";
import { LogEmailButton, TrackConversation } from "../email-log";

// Only a message being written has "log when sent": reading one (how the pane opens) does not need its code.
const LogWhenSentSwitch = lazy(async () => ({
  default: (await import(/* webpackExports: ["LogWhenSentSwitch"] */ "../email-log/index.js")).LogWhenSentSwitch,
}));
const recordForms = preloadable(() => import("./record-forms.js"));

/**
 * The record's main actions, right under its name and pulse: log the email, plan the next step,
 * write a note (each with a keyboard shortcut), and the form they open.
 */
export function RecordActions({
  record,
  contactId,
  item,
  reload,
  onLogged,
}: {
  record: CustomerRecord;
  contactId: string | null;
  item: MailItem | null;
  reload: () => void;
  /** After this email was logged (the record is fetched again too). */
  onLogged: () => void;
}) {
  const styles = useLayoutStyles();
  const { t } = useTranslation("record", { keyPrefix: "actions" });
  const [form, setForm] = useState<"activity" | "note" | "cold-call" | null>(null);
  const { customer, contacts } = record;
  const contact = contacts.find((candidate) => candidate.id === contactId) ?? null;
  const saved = () => {
    setForm(null);
    reload();
  };
  const toggle = (next: "activity" | "note" | "cold-call") => setForm(form === next ? null : next);
  const forms = recordForms.use();

  return (
    <>
      <div className={styles.buttons} role="group" aria-label={t("label")}>
        {item?.internetMessageId && (
          <LogEmailButton
            item={item}
            customerId={customer.id}
            contactId={contact?.id ?? null}
            contact={contact}
            onLogged={() => {
              onLogged();
              reload();
            }}
          />
        )}
        {item?.mode === "compose" && (
          <Suspense fallback={null}>
            <LogWhenSentSwitch customerId={customer.id} contactId={contact?.id ?? null} />
          </Suspense>
        )}
        {item?.mode === "read" && (
          <TrackConversation item={item} customerId={customer.id} contactId={contact?.id ?? null} />
        )}
        <ShortcutButton
          shortcut={SHORTCUTS.newActivity}
          tip={t("newActivityTip")}
          onClick={() => toggle("activity")}
          aria-expanded={form === "activity"}
        >
          {t("newActivity")}
        </ShortcutButton>
        <ShortcutButton
          shortcut={SHORTCUTS.addNote}
          tip={t("addNoteTip")}
          onClick={() => toggle("note")}
          aria-expanded={form === "note"}
        >
          {t("addNote")}
        </ShortcutButton>
        <Button onClick={() => toggle("cold-call")} aria-expanded={form === "cold-call"}>
          {t("coldCall")}
        </Button>
      </div>
      {form !== null && !forms && <Loading label={t("loadingForm")} />}
      {form === "activity" && forms && (
        <forms.NewActivityForm
          customerId={customer.id}
          contacts={contacts}
          contactId={contact?.id ?? null}
          subject={item?.subject ?? ""}
          onSaved={saved}
          onCancel={() => setForm(null)}
        />
      )}
      {form === "cold-call" && forms && (
        <forms.ColdCallForm customerId={customer.id} contact={contact} onSaved={saved} onCancel={() => setForm(null)} />
      )}
      {form === "note" && forms && (
        <forms.NewNoteForm
          customerId={customer.id}
          contactId={contact?.id ?? null}
          onSaved={saved}
          onCancel={() => setForm(null)}
        />
      )}
    </>
  );
}
