import { Caption1, Text } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { OpenLoaner } from "contract";
import { useFormat } from "../../i18n";
import { useLayoutStyles } from "../../shared/layout-styles";
import { OverdueBadge } from "./loaner-badges";

/**
 * The equipment the customer still has, soonest due first, on the record's overview: a salesman
 * answering a mail sees at once what is overdue. Returning it is on the Quotes tab, beside the order.
 * Nothing is drawn for a customer with no open loaner.
 */
export function OpenLoanersSection({ loaners }: { loaners: OpenLoaner[] }) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("loaners");
  const format = useFormat();
  if (loaners.length === 0) return null;
  return (
    <section className={layout.form} aria-labelledby="open-loaners-heading">
      <Text as="h3" id="open-loaners-heading" weight="semibold" size={400}>
        {t("heading")}
      </Text>
      <ul className={layout.list} aria-label={t("heading")}>
        {loaners.map((loaner) => (
          <li key={loaner.id} className={layout.item} aria-label={`SO-${loaner.number}`}>
            <Text>
              {t("item", { number: `SO-${loaner.number}`, title: loaner.title ?? t("loaner") })}{" "}
              {/* The service's flag is its day; the badge is the reader's, as everywhere in the pane. */}
              <OverdueBadge dueBackOn={loaner.dueBackOn} />
            </Text>
            <Caption1>{t("dueBack", { day: format.day(loaner.dueBackOn, "medium") })}</Caption1>
          </li>
        ))}
      </ul>
    </section>
  );
}
