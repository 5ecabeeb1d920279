import { Caption1, Text, tokens } from "@fluentui/react-components";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { ContactHistoryMonth } from "contract";
import { type Format, useFormat } from "../../i18n";
import { useServices } from "../../shared/services-context";
import { ErrorState, Loading } from "../../shared/state-views";
import { useChartStyles } from "./chart-styles";
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

const WIDTH = 320;
const HEIGHT = 90;
const LABELS = 14;

/** Bars per month for the customer's calls, visits and meetings, and logged e-mails. */
export function ContactsChart({ customerId }: { customerId: string }) {
  const styles = useChartStyles();
  const { t } = useTranslation("reports", { keyPrefix: "chart" });
  const { api } = useServices();
  const history = useContactHistory(api, customerId);
  return (
    <section className={styles.section} aria-labelledby="contacts-chart-heading">
      <Text id="contacts-chart-heading" as="h3" weight="semibold" size={400}>
        {t("heading")}
      </Text>
      {history.status === "loading" && <Loading label={t("loading")} />}
      {history.status === "error" && <ErrorState error={history.error} onRetry={history.reload} />}
      {history.status === "ready" && <Chart months={history.data.months} />}
    </section>
  );
}

function Chart({ months }: { months: ContactHistoryMonth[] }) {
  const styles = useChartStyles();
  const { t } = useTranslation("reports");
  const format = useFormat();
  const monthName = (month: string, style: "short" | "long") => format.month(month, style);
  const highest = Math.max(1, ...months.flatMap((month) => SERIES.map((series) => month[series.key])));
  const slot = WIDTH / months.length;
  const bar = slot / (SERIES.length + 1);
  return (
    <>
      <svg
        className={styles.chart}
        viewBox={`0 0 ${WIDTH} ${HEIGHT + LABELS}`}
        role="img"
        aria-label={chartSummary(months, t, format)}
      >
        <line className={styles.axis} x1={0} x2={WIDTH} y1={HEIGHT + 0.5} y2={HEIGHT + 0.5} />
        {months.map((month, index) => (
          <g key={month.month}>
            {SERIES.map((series, position) => {
              const height = (month[series.key] / highest) * (HEIGHT - 4);
              return (
                <rect
                  key={series.key}
                  x={index * slot + bar / 2 + position * bar}
                  y={HEIGHT - height}
                  width={bar * 0.9}
                  height={height}
                  style={{ fill: series.color }}
                >
                  <title>
                    {t("chart.bar", {
                      month: monthName(month.month, "long"),
                      what: t(`chart.${series.key}`, { count: month[series.key] }),
                    })}
                  </title>
                </rect>
              );
            })}
            <text className={styles.label} x={index * slot + slot / 2} y={HEIGHT + LABELS - 3} textAnchor="middle">
              {monthName(month.month, "short")}
            </text>
          </g>
        ))}
      </svg>
      <div className={styles.legend} aria-hidden="true">
        {SERIES.map((series) => (
          <Caption1 key={series.key}>
            <span className={styles.swatch} style={{ background: series.color }} />
            {t(`chart.series.${series.key}`)}
          </Caption1>
        ))}
      </div>
      <table className={styles.visuallyHidden}>
        <caption>{t("chart.heading")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("chart.month")}</th>
            {SERIES.map((series) => (
              <th key={series.key} scope="col">
                {t(`chart.series.${series.key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {months.map((month) => (
            <tr key={month.month}>
              <th scope="row">{monthName(month.month, "long")}</th>
              {SERIES.map((series) => (
                <td key={series.key}>{month[series.key]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
