import { useTranslation } from "react-i18next";
import { Caption1, Text } from "@fluentui/react-components";
import { useFormat } from "../../i18n";
import type { LifecycleChange } from "contract";
import { useServices } from "../../shared/services-context";
import { EmptyState } from "../../shared/state-views";
import { useLayoutStyles } from "../../shared/layout-styles";

/** Every lifecycle transition, newest first: what, who, when, and why a release was declined. */
export function LifecycleHistory({ history }: { history: LifecycleChange[] }) {
  const format = useFormat();
  const { t } = useTranslation("timeline", { keyPrefix: "lifecycle" });
  const layout = useLayoutStyles();
  const { me } = useServices();
  return (
    <section className={layout.form} aria-labelledby="lifecycle-history-heading">
      <Text id="lifecycle-history-heading" as="h3" weight="semibold" size={400}>
        {t("heading")}
      </Text>
      {history.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className={layout.list} aria-label={t("list")}>
          {history.map((change) => (
            <li key={change.id} className={layout.item}>
              <Text>
                {t("change", {
                  transition: t(`transitions.${change.transition}`),
                  from: t(`states.${change.from}`),
                  to: t(`states.${change.to}`),
                })}
              </Text>
              <Caption1>
                {change.changedBy.name} · {format.dateTime(change.changedAt, me.timeZone)}
                {change.reason ? t("reason", { reason: change.reason }) : ""}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
