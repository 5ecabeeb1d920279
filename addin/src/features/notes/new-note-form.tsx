import { useTranslation } from "react-i18next";
import { Field, Textarea } from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import { useServices } from "../../shared/services-context";
import { useErrorMessage } from "../../shared/error-message";
import { FormFooter } from "../../shared/form-footer";
import { textToNoteHtml } from "../../shared/safe-html";
import { useLayoutStyles } from "../../shared/layout-styles";

/** A note on the customer (and the contact); web addresses typed in become links. */
export function NewNoteForm({
  customerId,
  contactId,
  onSaved,
  onCancel,
}: {
  customerId: string;
  contactId: string | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("notes");
  const errorMessage = useErrorMessage();
  const { api } = useServices();
  const [text, setText] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await api.createNote({ customerId, contactId, bodyHtml: textToNoteHtml(text) });
      onSaved();
    } catch (caught) {
      setError(caught);
      setSaving(false);
    }
  };
  return (
    <form className={layout.form} onSubmit={submit} aria-label={t("newForm")}>
      <Field label={t("note")} hint={t("hint")}>
        <Textarea value={text} onChange={(_event, data) => setText(data.value)} rows={4} resize="vertical" />
      </Field>
      <FormFooter
        message={error !== null ? errorMessage(error) : null}
        saving={saving}
        submitLabel={t("save")}
        onCancel={onCancel}
        disabled={!text.trim()}
      />
    </form>
  );
}
