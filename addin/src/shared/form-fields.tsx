import { Field, Input, type InputProps, Select, Textarea } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "./use-form-save";

interface FieldProps {
  label: string;
  /** The request field it edits: the service's 400 for it shows here. */
  name: string;
  errors: FieldErrors;
  required?: boolean;
  hint?: string;
}

/** A labelled field showing the service's message for it, if any. */
function LabelledField({
  label,
  errors,
  name,
  required,
  hint,
  message = errors[name],
  children,
}: FieldProps & { message?: string; children: ReactNode }) {
  return (
    <Field
      label={label}
      required={required}
      hint={hint}
      validationState={message ? "error" : "none"}
      validationMessage={message}
    >
      {children}
    </Field>
  );
}

/**
 * A text input (or, multiline, a text area) of a form. Mandatory fields are marked, but the browser
 * does not stop the save: the service names what is missing.
 */
export function TextField({
  value,
  onChange,
  type,
  multiline,
  ...field
}: FieldProps & {
  value: string;
  onChange: (value: string) => void;
  type?: InputProps["type"];
  multiline?: boolean;
}) {
  const { t } = useTranslation("common");
  const error = field.errors[field.name];
  // The service says "too small" of an empty mandatory field; a person reads "Required".
  const message = error && field.required && !value.trim() ? t("required") : error;
  return (
    <LabelledField {...field} message={message}>
      {multiline ? (
        <Textarea value={value} onChange={(_event, data) => onChange(data.value)} rows={2} resize="vertical" />
      ) : (
        <Input type={type} value={value} onChange={(_event, data) => onChange(data.value)} />
      )}
    </LabelledField>
  );
}

/** A select over fixed choices, value → label. */
export function ChoiceField<T extends string>({
  value,
  onChange,
  choices,
  ...field
}: FieldProps & { value: T; onChange: (value: T) => void; choices: Record<T, string> | [T, string][] }) {
  const entries = Array.isArray(choices) ? choices : (Object.entries(choices) as [T, string][]);
  return (
    <LabelledField {...field}>
      <Select value={value} onChange={(_event, data) => onChange(data.value as T)}>
        {entries.map(([key, label]) => (
          <option key={key} value={key}>
            {label}
          </option>
        ))}
      </Select>
    </LabelledField>
  );
}

/** An optional text as the contract wants it: empty means none. */
export const orNull = (value: string) => value.trim() || null;
