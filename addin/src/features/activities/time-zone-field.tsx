import { Checkbox, Field, Select } from "@fluentui/react-components";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useServices } from "../../shared/services-context";

/** Every zone the browser knows (IANA names, as the service takes them), the given ones included. */
function zoneChoices(...wanted: string[]): string[] {
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set([...known, ...wanted])].sort();
}

/**
 * The zone an activity's date and time are in: the user's own by default. A different one can be
 * made the user's default too (their setting on the service, for every later activity).
 */
export function TimeZoneField({
  value,
  onChange,
  userZone,
  makeDefault,
  onMakeDefaultChange,
  message,
}: {
  value: string;
  onChange: (zone: string) => void;
  userZone: string;
  makeDefault: boolean;
  onMakeDefaultChange: (makeDefault: boolean) => void;
  /** The service's message for the field, if it refused it. */
  message?: string;
}) {
  const { t } = useTranslation("activities", { keyPrefix: "zone" });
  const choices = useMemo(() => zoneChoices(value, userZone), [value, userZone]);
  return (
    <>
      <Field label={t("label")} validationState={message ? "error" : "none"} validationMessage={message}>
        <Select value={value} onChange={(_event, data) => onChange(data.value)}>
          {choices.map((zone) => (
            <option key={zone} value={zone}>
              {zone === userZone ? t("yours", { zone }) : zone}
            </option>
          ))}
        </Select>
      </Field>
      {value !== userZone && (
        <Checkbox
          label={t("makeDefault", { zone: value })}
          checked={makeDefault}
          onChange={(_event, data) => onMakeDefaultChange(data.checked === true)}
        />
      )}
    </>
  );
}

/** Saves a zone as the user's default, and the pane goes on with it. */
export function useSaveDefaultZone(): (zone: string) => Promise<void> {
  const { api, meChanged } = useServices();
  return async (zone) => {
    const me = await api.setTimeZone(zone);
    meChanged?.(me);
  };
}
