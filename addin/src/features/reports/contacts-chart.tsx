import { tokens } from "@fluentui/react-components";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { ContactHistoryMonth } from "contract";
import { type Format, useFormat } from "../../i18n";
import { useServices } from "../../shared/services-context";
import { type ChartSeries, ChartSection, MonthlyBarChart } from "./monthly-bar-chart";
import { useContactHistory } from "./use-contact-history";

const SERIES = [
  { key: "calls", color: tokens.colorPaletteBlueBorderActive },
  { key: "meetings", color: tokens.colorPaletteGreenBorderActive },
  { key: "emails", color: tokens.colorPaletteMarigoldBorderActive },
] as const;

/** One sentence for a screen reader: the totals and the busiest month, in the pane's language. */
export function chartSummary(months: ContactHistoryMonth[], t: TFunction<"reports">, format: Format): string {
  const sum = (key: (typeof SERIES)[number]["key"]) => months.reduce((total, month) => total + month[key], 0);
  const [calls, meetings, emails] = [sum("calls"), sum("meetings"), sum("emails")];
  const period = t("chart.period", { count: months.length });
  if (calls + meetings + emails === 0) return t("chart.none", { period });
  const total = (month: ContactHistoryMonth) => month.calls + month.meetings + month.emails;
  const busiest = months.reduce((best, month) => (total(month) > total(best) ? month : best));
  return t("chart.summary", {
    period,
    calls: t("chart.calls", { count: calls }),
    meetings: t("chart.meetings", { count: meetings }),
    emails: t("chart.emails", { count: emails }),
    month: format.month(busiest.month, "long"),
    total: total(busiest),
  });
}

/** Bars per month for the customer's calls, visits and meetings, and logged e-mails. */
export function ContactsChart({ customerId }: { customerId: string }) {
  const { t } = useTranslation("reports");
  const format = useFormat();
  const { api } = useServices();
  const history = useContactHistory(api, customerId);
  const series: ChartSeries<ContactHistoryMonth, (typeof SERIES)[number]["key"]>[] = SERIES.map(
    ({ key, color }, bar) => ({
      key,
      color,
      bar,
      label: t(`chart.series.${key}`),
      value: (month) => month[key],
    }),
  );
  return (
    <ChartSection id="contacts-chart-heading" heading={t("chart.heading")} loading={t("chart.loading")} state={history}>
      {({ months }) => (
        <MonthlyBarChart
          months={months}
          series={series}
          summary={chartSummary(months, t, format)}
          caption={t("chart.heading")}
          monthHeader={t("chart.month")}
          barTitle={(month, one, count) => t("chart.bar", { month, what: t(`chart.${one.key}`, { count }) })}
        />
      )}
    </ChartSection>
  );
}
