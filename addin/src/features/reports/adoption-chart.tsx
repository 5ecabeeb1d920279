import { Caption1, Text, tokens } from "@fluentui/react-components";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { type AdoptionMonth, CALL_OUTCOMES, type CallOutcome } from "contract";
import { type Format, useFormat } from "../../i18n";
import { useServices } from "../../shared/services-context";
import { ErrorState, Loading } from "../../shared/state-views";
import { useAsync } from "../../shared/use-async";
import { useChartStyles } from "./chart-styles";

// One colour per call outcome, stacked in one bar; the profiling answers in a bar of their own beside it.
const OUTCOME_COLORS: Record<CallOutcome, string> = {
  INTERESTED: tokens.colorPaletteGreenBorderActive,
  MEETING_AGREED: tokens.colorPaletteTealBorderActive,
  CALL_BACK: tokens.colorPaletteBlueBorderActive,
  NO_ANSWER: tokens.colorNeutralStrokeAccessible,
  WRONG_CONTACT: tokens.colorPaletteMarigoldBorderActive,
  NOT_INTERESTED: tokens.colorPaletteRedBorderActive,
};
const ANSWERS_COLOR = tokens.colorPalettePurpleBorderActive;

const callsIn = (month: AdoptionMonth) => CALL_OUTCOMES.reduce((sum, outcome) => sum + month.outcomes[outcome], 0);

/** One sentence for a screen reader: the totals and the latest month anything was collected in. */
export function adoptionSummary(months: AdoptionMonth[], t: TFunction<"adoption">, format: Format): string {
  const period = t("period", { count: months.length });
  const answers = months.reduce((sum, month) => sum + month.answers, 0);
  const calls = months.reduce((sum, month) => sum + callsIn(month), 0);
  if (answers + calls === 0) return t("none", { period });
  const latest = [...months].reverse().find((month) => month.answers + callsIn(month) > 0)!;
  return t("summary", {
    period: period.charAt(0).toUpperCase() + period.slice(1),
    answers: t("answerCount", { count: answers }),
    calls: t("callCount", { count: calls }),
    month: format.month(latest.month, "long"),
  });
}

const WIDTH = 320;
const HEIGHT = 90;
const LABELS = 14;

/** The adoption pathway: what the call records collected per month (profiling answers, call outcomes). */
export function AdoptionChart({ customerId }: { customerId: string }) {
  const styles = useChartStyles();
  const { t } = useTranslation("adoption");
  const { api } = useServices();
  const pathway = useAsync(() => api.adoptionPathway(customerId, 12), [api, customerId]);
  return (
    <section className={styles.section} aria-labelledby="adoption-chart-heading">
      <Text id="adoption-chart-heading" as="h3" weight="semibold" size={400}>
        {t("heading")}
      </Text>
      {pathway.status === "loading" && <Loading label={t("loading")} />}
      {pathway.status === "error" && <ErrorState error={pathway.error} onRetry={pathway.reload} />}
      {pathway.status === "ready" && <Chart months={pathway.data.months} />}
    </section>
  );
}

function Chart({ months }: { months: AdoptionMonth[] }) {
  const styles = useChartStyles();
  const { t } = useTranslation("adoption");
  const { t: activities } = useTranslation("activities");
  const format = useFormat();
  const outcomeName = (outcome: CallOutcome) => activities(`outcomes.${outcome}`);
  const highest = Math.max(1, ...months.flatMap((month) => [month.answers, callsIn(month)]));
  const slot = WIDTH / months.length;
  const bar = slot / 3;
  const scale = (count: number) => (count / highest) * (HEIGHT - 4);
  return (
    <>
      <svg
        className={styles.chart}
        viewBox={`0 0 ${WIDTH} ${HEIGHT + LABELS}`}
        role="img"
        aria-label={adoptionSummary(months, t, format)}
      >
        <line className={styles.axis} x1={0} x2={WIDTH} y1={HEIGHT + 0.5} y2={HEIGHT + 0.5} />
        {months.map((month, index) => {
          const x = index * slot + bar / 2;
          let top = HEIGHT;
          const long = format.month(month.month, "long");
          return (
            <g key={month.month}>
              <rect
                x={x}
                y={HEIGHT - scale(month.answers)}
                width={bar * 0.9}
                height={scale(month.answers)}
                style={{ fill: ANSWERS_COLOR }}
              >
                <title>{t("bar", { month: long, what: t("answerCount", { count: month.answers }) })}</title>
              </rect>
              {CALL_OUTCOMES.filter((outcome) => month.outcomes[outcome] > 0).map((outcome) => {
                const height = scale(month.outcomes[outcome]);
                top -= height;
                return (
                  <rect
                    key={outcome}
                    x={x + bar}
                    y={top}
                    width={bar * 0.9}
                    height={height}
                    style={{ fill: OUTCOME_COLORS[outcome] }}
                  >
                    <title>
                      {t("bar", { month: long, what: `${outcomeName(outcome)}: ${month.outcomes[outcome]}` })}
                    </title>
                  </rect>
                );
              })}
              <text className={styles.label} x={index * slot + slot / 2} y={HEIGHT + LABELS - 3} textAnchor="middle">
                {format.month(month.month, "short")}
              </text>
            </g>
          );
        })}
      </svg>
      <div className={styles.legend} aria-hidden="true">
        <Caption1>
          <span className={styles.swatch} style={{ background: ANSWERS_COLOR }} />
          {t("answers")}
        </Caption1>
        {CALL_OUTCOMES.map((outcome) => (
          <Caption1 key={outcome}>
            <span className={styles.swatch} style={{ background: OUTCOME_COLORS[outcome] }} />
            {outcomeName(outcome)}
          </Caption1>
        ))}
      </div>
      <table className={styles.visuallyHidden}>
        <caption>{t("heading")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("month")}</th>
            <th scope="col">{t("answers")}</th>
            {CALL_OUTCOMES.map((outcome) => (
              <th key={outcome} scope="col">
                {outcomeName(outcome)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {months.map((month) => (
            <tr key={month.month}>
              <th scope="row">{format.month(month.month, "long")}</th>
              <td>{month.answers}</td>
              {CALL_OUTCOMES.map((outcome) => (
                <td key={outcome}>{month.outcomes[outcome]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
