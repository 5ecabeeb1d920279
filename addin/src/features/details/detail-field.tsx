import { Field, Input, Textarea } from "@fluentui/react-components";
import { useState } from "react";

/**
 * One labelled text input of a details form, with the service's message for it. Mandatory fields
 * are marked, but the browser does not stop the save: the service names what is missing.
 */
export function DetailField({
  label,
  value,
  onChange,
  required = false,
  error,
  type = "text",
  multiline = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  error?: string;
  type?: "text" | "email" | "tel" | "date";
  multiline?: boolean;
}) {
  // The service says "too small" of an empty mandatory field; a person reads "Required".
  const message = error && required && !value.trim() ? "Required" : error;
  return (
    <Field label={label} required={required} validationState={error ? "error" : "none"} validationMessage={message}>
      {multiline ? (
        <Textarea value={value} onChange={(_event, data) => onChange(data.value)} rows={2} resize="vertical" />
      ) : (
        <Input type={type} value={value} onChange={(_event, data) => onChange(data.value)} />
      )}
    </Field>
  );
}

/** An optional text as the contract wants it: empty means none. */
export const orNull = (value: string) => value.trim() || null;

/** A details form's text values: those of the item being edited, or empty for a new one. */
export function useDetailValues<F extends string>(
  fields: readonly F[],
  existing: Partial<Record<F, string | null>> | null,
) {
  return useState<Record<F, string>>(
    () => Object.fromEntries(fields.map((field) => [field, existing?.[field] ?? ""])) as Record<F, string>,
  );
}
