import { Field, Input, type InputProps, Select, Textarea } from "@fluentui/react-components";
import type { FormEvent, ReactNode } from "react";
import { useServices } from "../../shared/services-context";
import { useLayoutStyles } from "../../shared/layout-styles";
import { FormFooter } from "../../shared/form-footer";
import { useAsync } from "../../shared/use-async";
import type { FieldErrors, FormSave } from "../../shared/use-form-save";

interface FieldProps {
  label: string;
  /** The request field it edits: the service's 400 for it shows here. */
  name: string;
  errors: FieldErrors;
  required?: boolean;
  hint?: string;
}

/** A labelled field showing the service's message for it, if any. */
function LabelledField({ label, name, errors, required, hint, children }: FieldProps & { children: ReactNode }) {
  const message = errors[name];
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
  return (
    <LabelledField {...field}>
      {multiline ? (
        <Textarea value={value} onChange={(_event, data) => onChange(data.value)} />
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

/** The owner, picked from everyone who uses the CRM (as the salesmen editor lists them). */
export function OwnerField({
  value,
  onChange,
  errors,
}: {
  value: string;
  onChange: (id: string) => void;
  errors: FieldErrors;
}) {
  const { api, me } = useServices();
  const users = useAsync(() => api.users(), [api]);
  // Until the team is loaded the current owner (usually the user) is the only choice.
  const team = users.data?.items ?? [me];
  const choices: [string, string][] = team.map((user) => [
    user.id,
    user.id === me.id ? `${user.name} (me)` : user.name,
  ]);
  if (!choices.some(([id]) => id === value)) choices.unshift([value, "Current owner"]);
  return (
    <ChoiceField label="Owner" name="ownerId" errors={errors} value={value} onChange={onChange} choices={choices} />
  );
}

/** A sales form: its fields, what went wrong that no field shows, save and cancel. */
export function SalesForm({
  label,
  onSubmit,
  children,
  save,
  ...footer
}: {
  label: string;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
  save: FormSave;
  submitLabel: string;
  onCancel: () => void;
  disabled?: boolean;
}) {
  const layout = useLayoutStyles();
  return (
    <form className={layout.form} onSubmit={onSubmit} aria-label={label} noValidate>
      {children}
      <FormFooter message={save.message} saving={save.saving} {...footer} />
    </form>
  );
}
