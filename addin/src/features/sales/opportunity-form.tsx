import type { Opportunity } from "contract";
import { useTranslation } from "react-i18next";
import { useServices } from "../../shared/services-context";
import { useLayoutStyles } from "../../shared/layout-styles";
import { useSalesLabels } from "./sales-labels";
import { EditForm } from "../../shared/edit-form";
import { ChoiceField, TextField } from "../../shared/form-fields";
import { useEditForm } from "../../shared/use-edit-form";
import { OwnerField } from "./owner-field";

const FIELDS = ["title", "value", "currency", "stage", "expectedCloseDate", "probability", "ownerId"] as const;
type Values = Record<(typeof FIELDS)[number], string>;

function valuesOf(opportunity: Opportunity | undefined, meId: string): Values {
  return {
    title: opportunity?.title ?? "",
    value: opportunity?.value ?? "",
    currency: opportunity?.currency ?? "EUR",
    stage: opportunity?.stage ?? "PROSPECTING",
    expectedCloseDate: opportunity?.expectedCloseDate ?? "",
    probability: opportunity ? String(opportunity.probability) : "",
    ownerId: opportunity?.owner.id ?? meId,
  };
}

/** What the service takes; an empty probability is left to the service (by stage). */
function bodyOf(values: Values) {
  return {
    title: values.title,
    value: values.value.trim(),
    currency: values.currency,
    stage: values.stage as Opportunity["stage"],
    expectedCloseDate: values.expectedCloseDate || null,
    ...(values.probability.trim() !== "" && { probability: Number(values.probability) }),
    ownerId: values.ownerId,
  };
}

/** A new opportunity for the customer, or the fields of an existing one (only changes are sent). */
export function OpportunityForm({
  customerId,
  opportunity,
  onSaved,
  onCancel,
  reload,
}: {
  customerId: string;
  opportunity?: Opportunity;
  onSaved: () => void;
  onCancel: () => void;
  reload: () => void;
}) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("sales", { keyPrefix: "forms" });
  const labels = useSalesLabels();
  const { api, me } = useServices();
  const { values, save, field, submitWith } = useEditForm(FIELDS, () => valuesOf(opportunity, me.id), reload);

  const submit = submitWith(
    bodyOf,
    {
      create: (body) => api.createOpportunity({ customerId, ...body }),
      update:
        opportunity &&
        ((changes) => api.updateOpportunity(opportunity.id, { ...changes, version: opportunity.version })),
    },
    onSaved,
  );

  return (
    <EditForm
      label={opportunity ? t("editOpportunity", { title: opportunity.title }) : t("newOpportunity")}
      onSubmit={submit}
      save={save}
      submitLabel={opportunity ? t("saveOpportunity") : t("createOpportunity")}
      onCancel={onCancel}
      disabled={!values.title.trim() || !values.value.trim()}
    >
      <TextField label={t("title")} required {...field("title")} />
      <div className={layout.buttons}>
        <TextField label={t("value")} required {...field("value")} />
        <TextField label={t("currency")} {...field("currency")} />
      </div>
      <ChoiceField label={t("stage")} choices={labels.stages} {...field("stage")} />
      <TextField label={t("expectedClose")} type="date" {...field("expectedCloseDate")} />
      <TextField
        label={t("probability")}
        type="number"
        hint={opportunity ? undefined : t("probabilityHint")}
        {...field("probability")}
      />
      <OwnerField {...field("ownerId")} />
    </EditForm>
  );
}
