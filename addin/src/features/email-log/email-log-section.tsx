import { Caption1, Text } from "@fluentui/react-components";
import { useServices } from "../../shared/services-context";
import { EmptyState, ErrorState, Loading } from "../../shared/state-views";
import { useAsync } from "../../shared/use-async";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n";
import { useLayoutStyles } from "../../shared/layout-styles";

const SHOWN = 5;

/** The customer's latest logged messages; `round` changes when this email was just logged. */
export function EmailLogSection({ customerId, count, round }: { customerId: string; count: number; round: number }) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("emailLog");
  const format = useFormat();
  const { api, me } = useServices();
  const log = useAsync(() => api.emailLog(customerId, SHOWN), [customerId, round]);
  return (
    <section aria-labelledby="email-log-heading">
      <Text id="email-log-heading" as="h3" weight="semibold" size={400}>
        {t("section.heading", { count: log.data?.total ?? count })}
      </Text>
      {log.status === "loading" && <Loading label={t("section.loading")} />}
      {log.status === "error" && <ErrorState error={log.error} onRetry={log.reload} />}
      {log.status === "ready" &&
        (log.data.items.length === 0 ? (
          <EmptyState>{t("section.empty")}</EmptyState>
        ) : (
          <ul className={layout.list} aria-label={t("section.list")}>
            {log.data.items.map((entry) => (
              <li key={entry.id} className={layout.item}>
                <Text>{entry.subject || t("noSubject")}</Text>
                <Caption1>
                  {entry.from.name ?? entry.from.email} · {format.dateTime(entry.sentAt, me.timeZone)}
                </Caption1>
                {entry.loggedBecause && <Caption1>{entry.loggedBecause}</Caption1>}
                {/* A shared mailbox or a delegate's folder: where to find it again. */}
                {entry.mailbox && entry.mailbox !== entry.loggedBy.email.toLowerCase() && (
                  <Caption1>{t("fromMailbox", { mailbox: entry.mailbox })}</Caption1>
                )}
              </li>
            ))}
            {log.data.total > SHOWN && <Caption1>{t("section.earlier", { count: log.data.total - SHOWN })}</Caption1>}
          </ul>
        ))}
    </section>
  );
}
