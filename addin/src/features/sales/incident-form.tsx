import type { Contact, Incident } from "contract";
import { useTranslation } from "react-i18next";
import { useServices } from "../../shared/services-context";
import { displayName } from "../../shared/display-name";
import { useSalesLabels } from "./sales-labels";
import { EditForm } from "../../shared/edit-form";
import { ChoiceField, TextField } from "../../shared/form-fields";
import { useEditForm } from "../../shared/use-edit-form";
import { OwnerField } from "./owner-field";

const FIELDS = ["subject", "severity", "state", "contactId", "description", "ownerId"] as const;
type Values = Record<(typeof FIELDS)[number], string>;

function valuesOf(incident: Incident | undefined, contactId: string | null, meId: string): Values {
  return {
    subject: incident?.subject ?? "",
    severity: incident?.severity ?? "MEDIUM",
    state: incident?.state ?? "OPEN",
    contactId: (incident ? incident.contactId : contactId) ?? "",
    description: incident?.description ?? "",
    ownerId: incident?.owner.id ?? meId,
  };
}

function bodyOf(values: Values) {
  return {
    subject: values.subject,
    severity: values.severity as Incident["severity"],
    state: values.state as Incident["state"],
    contactId: values.contactId || null,
    description: values.description.trim() || null,
    ownerId: values.ownerId,
  };
}

/** A repair or service case for the customer, optionally for one of its contacts; or its fields to edit. */
export function IncidentForm({
  customerId,
  contacts,
  contactId,
  incident,
  onSaved,
  onCancel,
  reload,
}: {
  customerId: string;
  contacts: Contact[];
  /** The contact of the open email, preselected for a new incident. */
  contactId: string | null;
  incident?: Incident;
  onSaved: () => void;
  onCancel: () => void;
  reload: () => void;
}) {
  const { t } = useTranslation("sales", { keyPrefix: "forms" });
  const labels = useSalesLabels();
  const { api, me } = useServices();
  const { values, save, field, submitWith } = useEditForm(FIELDS, () => valuesOf(incident, contactId, me.id), reload);
  const contactChoices: [string, string][] = [
    ["", t("noContact")],
    ...contacts.map((contact): [string, string] => [contact.id, displayName(contact)]),
  ];

  const submit = submitWith(
    bodyOf,
    {
      create: (body) => api.createIncident({ customerId, ...body }),
      update: incident && ((changes) => api.updateIncident(incident.id, { ...changes, version: incident.version })),
    },
    onSaved,
  );

  return (
    <EditForm
      label={incident ? t("editIncident", { subject: incident.subject }) : t("newIncident")}
      onSubmit={submit}
      save={save}
      submitLabel={incident ? t("saveIncident") : t("createIncident")}
      onCancel={onCancel}
      disabled={!values.subject.trim()}
    >
      <TextField label={t("subject")} required {...field("subject")} />
      <ChoiceField label={t("severity")} choices={labels.severities} {...field("severity")} />
      <ChoiceField label={t("state")} choices={labels.states} {...field("state")} />
      <ChoiceField label={t("contact")} choices={contactChoices} {...field("contactId")} />
      <TextField label={t("description")} multiline {...field("description")} />
      <OwnerField {...field("ownerId")} />
    </EditForm>
  );
}
