import { ChoiceField } from "../../shared/form-fields";
import { useTranslation } from "react-i18next";
import { useServices } from "../../shared/services-context";
import { useAsync } from "../../shared/use-async";
import type { FieldErrors } from "../../shared/use-form-save";

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
  const { t } = useTranslation("sales", { keyPrefix: "forms" });
  const { api, me } = useServices();
  const users = useAsync(() => api.users(), [api]);
  // Until the team is loaded the current owner (usually the user) is the only choice.
  const team = users.data?.items ?? [me];
  const choices: [string, string][] = team.map((user) => [
    user.id,
    user.id === me.id ? t("me", { name: user.name }) : user.name,
  ]);
  if (!choices.some(([id]) => id === value)) choices.unshift([value, t("currentOwner")]);
  return (
    <ChoiceField
      label={t("owner")}
      name="ownerId"
      errors={errors}
      value={value}
      onChange={onChange}
      choices={choices}
    />
  );
}
