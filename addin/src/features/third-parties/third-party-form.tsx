import { Text } from "@fluentui/react-components";
import type { FormEvent } from "react";
import type { ThirdParty } from "contract";
import { useServices } from "../../shared/services-context";
import { FormFooter } from "../../shared/form-footer";
import { useLayoutStyles } from "../../shared/layout-styles";
import { byFirstSegment, useFormSave } from "../../shared/use-form-save";
import { DetailField, orNull, useDetailValues } from "../details/detail-field";

const FIELDS = ["name", "role", "email", "phone", "contractNumber", "contractStart", "contractEnd", "notes"] as const;
type Values = Record<(typeof FIELDS)[number], string>;

/** Adds a third party, or changes one (sending the version it was loaded with). */
export function ThirdPartyForm({
  customerId,
  existing,
  onSaved,
  onConflict,
  onCancel,
}: {
  customerId: string;
  existing: ThirdParty | null;
  onSaved: () => void;
  /** Someone else changed it: the record is reloaded. */
  onConflict: () => void;
  onCancel: () => void;
}) {
  const layout = useLayoutStyles();
  const { api } = useServices();
  const [values, setValues] = useDetailValues(FIELDS, existing);
  const save = useFormSave(byFirstSegment(FIELDS), onConflict);
  const field = (
    name: keyof Values,
    label: string,
    extra: { required?: boolean; type?: "email" | "tel" | "date" } = {},
  ) => (
    <DetailField
      label={label}
      value={values[name]}
      onChange={(value) => setValues({ ...values, [name]: value })}
      error={save.fieldErrors[name]}
      {...extra}
    />
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: values.name,
      role: values.role,
      email: orNull(values.email),
      phone: orNull(values.phone),
      contractNumber: orNull(values.contractNumber),
      contractStart: orNull(values.contractStart),
      contractEnd: orNull(values.contractEnd),
      notes: orNull(values.notes),
    };
    const saved = await save.run(() =>
      existing
        ? api.updateThirdParty(existing.id, { ...body, version: existing.version })
        : api.createThirdParty(customerId, body),
    );
    if (saved) onSaved();
  };

  return (
    <form
      className={layout.form}
      onSubmit={submit}
      noValidate
      aria-label={existing ? "Edit third party" : "New third party"}
    >
      <Text weight="semibold">{existing ? `Edit ${existing.name}` : "New third party"}</Text>
      {field("name", "Name", { required: true })}
      {field("role", "Role (e.g. tax adviser, installer)", { required: true })}
      {field("email", "E-mail", { type: "email" })}
      {field("phone", "Phone", { type: "tel" })}
      {field("contractNumber", "Contract number")}
      {field("contractStart", "Contract start", { type: "date" })}
      {field("contractEnd", "Contract end", { type: "date" })}
      <DetailField
        label="Notes"
        multiline
        value={values.notes}
        onChange={(value) => setValues({ ...values, notes: value })}
        error={save.fieldErrors.notes}
      />
      <FormFooter message={save.message} saving={save.saving} submitLabel="Save third party" onCancel={onCancel} />
    </form>
  );
}
