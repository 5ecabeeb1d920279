import { type Format, useFormat } from "../../i18n";
import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ContactHistoryMonth } from "contract";
import { useServices } from "../../shared/services-context";
import { ErrorState, Loading } from "../../shared/state-views";
import { useContactHistory } from "./use-contact-history";

const SERIES = [
  { key: "calls", label: "Calls", color: tokens.colorPaletteBlueBorderActive },
  { key: "meetings", label: "Visits and meetings", color: tokens.colorPaletteGreenBorderActive },
  { key: "emails", label: "E-mails", color: tokens.colorPaletteMarigoldBorderActive },
] as const;

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  chart: { width: "100%", height: "auto", display: "block" },
  label: { fill: tokens.colorNeutralForeground3, fontSize: "9px" },
  axis: { stroke: tokens.colorNeutralStroke2 },
  legend: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  swatch: {
    display: "inline-block",
    width: "10px",
    height: "10px",
    marginInlineEnd: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusSmall,
  },
  // Read by screen readers, not drawn: the numbers behind the bars.
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

/** One sentence for a screen reader: the totals and the busiest month. */
export function chartSummary(months: ContactHistoryMonth[], format: Format): string {
  const sum = (key: (typeof SERIES)[number]["key"]) => months.reduce((total, month) => total + month[key], 0);
  const [calls, meetings, emails] = [sum("calls"), sum("meetings"), sum("emails")];
  const period = `in the last ${months.length} month${months.length === 1 ? "" : "s"}`;
  if (calls + meetings + emails === 0) return `No calls, visits, meetings or e-mails ${period}.`;
  const total = (month: ContactHistoryMonth) => month.calls + month.meetings + month.emails;
  const busiest = months.reduce((best, month) => (total(month) > total(best) ? month : best));
  return (
    `Contacts ${period}: ${calls} call${calls === 1 ? "" : "s"}, ` +
    `${meetings} ${meetings === 1 ? "visit or meeting" : "visits or meetings"}, ` +
    `${emails} e-mail${emails === 1 ? "" : "s"} logged. Most in ${format.month(busiest.month, "long")} (${total(busiest)}).`
  );
}

const WIDTH = 320;
const HEIGHT = 90;
const LABELS = 14;

/** Bars per month for the customer's calls, visits and meetings, and logged e-mails. */
export function ContactsChart({ customerId }: { customerId: string }) {
  const styles = useStyles();
  const { api } = useServices();
  const history = useContactHistory(api, customerId);
  return (
    <section className={styles.section} aria-labelledby="contacts-chart-heading">
      <Text id="contacts-chart-heading" as="h3" weight="semibold" size={400}>
        Contacts per month
      </Text>
      {history.status === "loading" && <Loading label="Loading contacts…" />}
      {history.status === "error" && <ErrorState error={history.error} onRetry={history.reload} />}
      {history.status === "ready" && <Chart months={history.data.months} />}
    </section>
  );
}

function Chart({ months }: { months: ContactHistoryMonth[] }) {
  const styles = useStyles();
  const format = useFormat();
  const highest = Math.max(1, ...months.flatMap((month) => SERIES.map((series) => month[series.key])));
  const slot = WIDTH / months.length;
  const bar = slot / (SERIES.length + 1);
  return (
    <>
      <svg
        className={styles.chart}
        viewBox={`0 0 ${WIDTH} ${HEIGHT + LABELS}`}
        role="img"
        aria-label={chartSummary(months, format)}
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
                  <title>{`${format.month(month.month, "long")}: ${month[series.key]} ${series.label.toLowerCase()}`}</title>
                </rect>
              );
            })}
            <text className={styles.label} x={index * slot + slot / 2} y={HEIGHT + LABELS - 3} textAnchor="middle">
              {format.month(month.month, "short")}
            </text>
          </g>
        ))}
      </svg>
      <div className={styles.legend} aria-hidden="true">
        {SERIES.map((series) => (
          <Caption1 key={series.key}>
            <span className={styles.swatch} style={{ background: series.color }} />
            {series.label}
          </Caption1>
        ))}
      </div>
      <table className={styles.visuallyHidden}>
        <caption>Contacts per month</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            {SERIES.map((series) => (
              <th key={series.key} scope="col">
                {series.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {months.map((month) => (
            <tr key={month.month}>
              <th scope="row">{format.month(month.month, "long")}</th>
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
