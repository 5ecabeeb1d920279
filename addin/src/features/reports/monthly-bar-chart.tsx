import { Caption1, Text } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useFormat } from "../../i18n";
import type { AsyncState } from "../../shared/use-async";
import { ErrorState, Loading } from "../../shared/state-views";
import { useChartStyles } from "./chart-styles";

/** A chart of the record under its heading: a spinner while it loads, the error with Retry, then the chart. */
export function ChartSection<T>({
  id,
  heading,
  loading,
  state,
  children,
}: {
  /** The heading's id, which names the section. */
  id: string;
  heading: string;
  loading: string;
  state: AsyncState<T> & { reload: () => void };
  children: (data: T) => ReactNode;
}) {
  const styles = useChartStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Text id={id} as="h3" weight="semibold" size={400}>
        {heading}
      </Text>
      {state.status === "loading" && <Loading label={loading} />}
      {state.status === "error" && <ErrorState error={state.error} onRetry={state.reload} />}
      {state.status === "ready" && children(state.data)}
    </section>
  );
}

/** One quantity of a month: a column of the table, a colour of the legend, a segment of a bar. */
export interface ChartSeries<Month, Key extends string = string> {
  key: Key;
  label: string;
  color: string;
  value: (month: Month) => number;
  /** Which bar of the month it is drawn in (0, 1, ...): series of one bar stack, in the order given. */
  bar: number;
}

const WIDTH = 320;
const HEIGHT = 90;
const LABELS = 14;

/**
 * Bars per month in theme colours, a month's short name under each slot, the legend, and for a
 * screen reader the summary as the picture's name and the numbers in a table it reads instead.
 * A stacked bar draws only the segments that have something; a bar of one series is always drawn.
 */
export function MonthlyBarChart<Month extends { month: string }, Key extends string = string>({
  months,
  series,
  summary,
  caption,
  monthHeader,
  barTitle,
}: {
  months: Month[];
  series: ChartSeries<Month, Key>[];
  /** The chart as one sentence: the picture's accessible name. */
  summary: string;
  caption: string;
  monthHeader: string;
  /** A bar segment's tooltip, given the month's long name. */
  barTitle: (monthName: string, series: ChartSeries<Month, Key>, value: number) => string;
}) {
  const styles = useChartStyles();
  const format = useFormat();
  const bars = Math.max(...series.map((one) => one.bar)) + 1;
  const inBar = (bar: number) => series.filter((one) => one.bar === bar);
  const highest = Math.max(
    1,
    ...months.flatMap((month) =>
      Array.from({ length: bars }, (_, bar) => inBar(bar).reduce((sum, one) => sum + one.value(month), 0)),
    ),
  );
  const slot = WIDTH / months.length;
  const width = slot / (bars + 1);
  const scale = (count: number) => (count / highest) * (HEIGHT - 4);
  return (
    <>
      <svg className={styles.chart} viewBox={`0 0 ${WIDTH} ${HEIGHT + LABELS}`} role="img" aria-label={summary}>
        <line className={styles.axis} x1={0} x2={WIDTH} y1={HEIGHT + 0.5} y2={HEIGHT + 0.5} />
        {months.map((month, index) => {
          const long = format.month(month.month, "long");
          return (
            <g key={month.month}>
              {Array.from({ length: bars }, (_, bar) => {
                const segments = inBar(bar);
                let top = HEIGHT;
                return segments
                  .filter((one) => segments.length === 1 || one.value(month) > 0)
                  .map((one) => {
                    const height = scale(one.value(month));
                    top -= height;
                    return (
                      <rect
                        key={one.key}
                        x={index * slot + width / 2 + bar * width}
                        y={top}
                        width={width * 0.9}
                        height={height}
                        style={{ fill: one.color }}
                      >
                        <title>{barTitle(long, one, one.value(month))}</title>
                      </rect>
                    );
                  });
              })}
              <text className={styles.label} x={index * slot + slot / 2} y={HEIGHT + LABELS - 3} textAnchor="middle">
                {format.month(month.month, "short")}
              </text>
            </g>
          );
        })}
      </svg>
      <div className={styles.legend} aria-hidden="true">
        {series.map((one) => (
          <Caption1 key={one.key}>
            <span className={styles.swatch} style={{ background: one.color }} />
            {one.label}
          </Caption1>
        ))}
      </div>
      <table className={styles.visuallyHidden}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{monthHeader}</th>
            {series.map((one) => (
              <th key={one.key} scope="col">
                {one.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {months.map((month) => (
            <tr key={month.month}>
              <th scope="row">{format.month(month.month, "long")}</th>
              {series.map((one) => (
                <td key={one.key}>{one.value(month)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
