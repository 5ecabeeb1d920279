import { Text } from "@fluentui/react-components";
import type { FormEvent, ReactNode } from "react";
import { FormFooter } from "./form-footer";
import { useLayoutStyles } from "./layout-styles";
import type { FormSave } from "./use-form-save";

/** A form that creates or changes one record: its fields, what went wrong that no field shows, save and cancel. */
export function EditForm({
  label,
  title,
  onSubmit,
  children,
  save,
  noValidate = true,
  ...footer
}: {
  /** The form's accessible name. */
  label: string;
  /** A heading over the fields, when the form has one. */
  title?: string;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
  save: FormSave;
  /** Left to the service, which names every missing field at once; special prices let the browser stop it. */
  noValidate?: boolean;
  submitLabel: string;
  onCancel: () => void;
  cancelLabel?: string;
  disabled?: boolean;
}) {
  const layout = useLayoutStyles();
  return (
    <form className={layout.form} onSubmit={onSubmit} noValidate={noValidate} aria-label={label}>
      {title && <Text weight="semibold">{title}</Text>}
      {children}
      <FormFooter message={save.message} saving={save.saving} {...footer} />
    </form>
  );
}
