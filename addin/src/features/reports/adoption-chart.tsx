import { tokens } from "@fluentui/react-components";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { type AdoptionMonth, CALL_OUTCOMES, type CallOutcome } from "contract";
import { type Format, useFormat } from "../../i18n";
import { useServices } from "../../shared/services-context";
import { useAsync } from "../../shared/use-async";
import { type ChartSeries, ChartSection, MonthlyBarChart } from "./monthly-bar-chart";

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

/** The adoption pathway: what the call records collected per month (profiling answers, call outcomes). */
export function AdoptionChart({ customerId }: { customerId: string }) {
  const { t } = useTranslation("adoption");
  const { t: activities } = useTranslation("activities");
  const format = useFormat();
  const { api } = useServices();
  const pathway = useAsync(() => api.adoptionPathway(customerId, 12), [api, customerId]);
  const answers: ChartSeries<AdoptionMonth> = {
    key: "answers",
    label: t("answers"),
    color: ANSWERS_COLOR,
    bar: 0,
    value: (month) => month.answers,
  };
  const outcomes = CALL_OUTCOMES.map((outcome): ChartSeries<AdoptionMonth> => ({
    key: outcome,
    label: activities(`outcomes.${outcome}`),
    color: OUTCOME_COLORS[outcome],
    bar: 1,
    value: (month) => month.outcomes[outcome],
  }));
  return (
    <ChartSection id="adoption-chart-heading" heading={t("heading")} loading={t("loading")} state={pathway}>
      {({ months }) => (
        <MonthlyBarChart
          months={months}
          series={[answers, ...outcomes]}
          summary={adoptionSummary(months, t, format)}
          caption={t("heading")}
          monthHeader={t("month")}
          barTitle={(month, one, count) =>
            t("bar", { month, what: one === answers ? t("answerCount", { count }) : `${one.label}: ${count}` })
          }
        />
      )}
    </ChartSection>
  );
}
