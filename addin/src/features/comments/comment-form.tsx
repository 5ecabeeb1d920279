import { useTranslation } from "react-i18next";
import { Checkbox, Field, Textarea } from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import { COMMENT_MAX } from "contract";
import { ApiError } from "../../api/api-error";
import { useErrorMessage } from "../../shared/error-message";
import { FormFooter } from "../../shared/form-footer";
import { useLayoutStyles } from "../../shared/layout-styles";

/** Writes a comment's text (and, for a new one, whether it is pinned); the caller sends it. */
export function CommentForm({
  label,
  initialBody = "",
  offerPin,
  onSubmit,
  onCancel,
}: {
  label: string;
  initialBody?: string;
  offerPin: boolean;
  /** Rejects with the service's error, which the form shows. */
  onSubmit: (body: string, pinned: boolean) => Promise<void>;
  onCancel: () => void;
}) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("comments");
  const errorMessage = useErrorMessage();
  const [body, setBody] = useState(initialBody);
  const [pinned, setPinned] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const bodyError =
    error instanceof ApiError ? error.details.find((detail) => detail.field === "body.body")?.message : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await onSubmit(body, pinned);
    } catch (failure) {
      setError(failure);
      setSaving(false);
    }
  };
  return (
    <form className={layout.form} onSubmit={submit} aria-label={label}>
      <Field
        label={t("field")}
        hint={t("hint", { max: COMMENT_MAX })}
        validationState={bodyError ? "error" : "none"}
        validationMessage={bodyError}
      >
        <Textarea value={body} onChange={(_event, data) => setBody(data.value)} rows={3} resize="vertical" />
      </Field>
      {offerPin && (
        <Checkbox
          label={t("pinToTop")}
          checked={pinned}
          onChange={(_event, data) => setPinned(data.checked === true)}
        />
      )}
      <FormFooter
        message={error !== null && !bodyError ? errorMessage(error) : null}
        saving={saving}
        submitLabel={t("save")}
        onCancel={onCancel}
        disabled={!body.trim()}
      />
    </form>
  );
}
