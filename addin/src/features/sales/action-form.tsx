import type { Action, Contact, Incident, Opportunity } from "contract";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { useServices } from "../../shared/services-context";
import { displayName } from "../../shared/display-name";
import { EditForm } from "../../shared/edit-form";
import { ChoiceField, TextField } from "../../shared/form-fields";
import { useEditForm } from "../../shared/use-edit-form";
import { OwnerField } from "./owner-field";

const FIELDS = ["title", "dueDate", "ownerId", "notes", "parent"] as const;
type Values = Record<(typeof FIELDS)[number], string>;
type ParentKey = "customerId" | "contactId" | "opportunityId" | "incidentId";
/** The service names the parent by its request field; the form shows all four in one select. */
const PARENT_ALIASES = {
  customerId: "parent",
  contactId: "parent",
  opportunityId: "parent",
  incidentId: "parent",
} as const;

/** What a new action can hang on: "<request field>:<id>". */
export type ActionParent = `${ParentKey}:${string}`;

export interface ActionTargets {
  customer: { id: string; name: string };
  contacts: Contact[];
  opportunities: Opportunity[];
  incidents: Incident[];
}

function parentChoices(targets: ActionTargets, t: TFunction<"sales", "forms">): [ActionParent, string][] {
  return [
    [`customerId:${targets.customer.id}`, t("onCustomer", { name: targets.customer.name })],
    ...targets.contacts.map((contact): [ActionParent, string] => [
      `contactId:${contact.id}`,
      t("onContact", { name: displayName(contact) }),
    ]),
    ...targets.opportunities.map((item): [ActionParent, string] => [
      `opportunityId:${item.id}`,
      t("onOpportunity", { name: item.title }),
    ]),
    ...targets.incidents.map((item): [ActionParent, string] => [
      `incidentId:${item.id}`,
      t("onIncident", { name: item.subject }),
    ]),
  ];
}

function bodyOf(values: Values) {
  return {
    title: values.title,
    dueDate: values.dueDate || null,
    ownerId: values.ownerId,
    notes: values.notes.trim() || null,
  };
}

/**
 * A task with a due day and an owner from the team, on the customer, one of its contacts, an
 * opportunity or an incident; or an existing action's fields (its parent stays).
 */
export function ActionForm({
  targets,
  parent,
  action,
  onSaved,
  onCancel,
  reload,
}: {
  targets: ActionTargets;
  /** Preselected parent of a new action. */
  parent?: ActionParent;
  action?: Action;
  onSaved: () => void;
  onCancel: () => void;
  reload: () => void;
}) {
  const { t } = useTranslation("sales", { keyPrefix: "forms" });
  const { api, me } = useServices();
  const { values, save, field, submitWith } = useEditForm(
    FIELDS,
    () => ({
      title: action?.title ?? "",
      dueDate: action?.dueDate ?? "",
      ownerId: action?.owner.id ?? me.id,
      notes: action?.notes ?? "",
      parent: parent ?? `customerId:${targets.customer.id}`,
    }),
    reload,
    PARENT_ALIASES,
  );

  const create = () => {
    const [key, id] = values.parent.split(":") as [ParentKey, string];
    return api.createAction({ ...bodyOf(values), [key]: id });
  };
  const submit = submitWith(
    bodyOf,
    {
      create,
      update: action && ((changes) => api.updateAction(action.id, { ...changes, version: action.version })),
    },
    onSaved,
  );

  return (
    <EditForm
      label={action ? t("editAction", { title: action.title }) : t("newAction")}
      onSubmit={submit}
      save={save}
      submitLabel={action ? t("saveAction") : t("createAction")}
      onCancel={onCancel}
      disabled={!values.title.trim()}
    >
      <TextField label={t("title")} required {...field("title")} />
      <TextField label={t("dueDate")} type="date" {...field("dueDate")} />
      <OwnerField {...field("ownerId")} />
      {!action && <ChoiceField label={t("attachedTo")} choices={parentChoices(targets, t)} {...field("parent")} />}
      <TextField label={t("notes")} multiline {...field("notes")} />
    </EditForm>
  );
}
