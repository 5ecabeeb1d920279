import { Caption1 } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n";
import { useServices } from "../../shared/services-context";
import { EmptyState, ErrorState, Loading } from "../../shared/state-views";
import { useLayoutStyles } from "../../shared/layout-styles";
import { useAsync } from "../../shared/use-async";
import { formatAnswer } from "./profiling-draft";

/** Every answer given to one question for this customer, newest first: nothing is overwritten. */
export function AnswerHistory({
  customerId,
  questionId,
  label,
}: {
  customerId: string;
  questionId: string;
  label: string;
}) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("profiling");
  const format = useFormat();
  const { api, me } = useServices();
  const history = useAsync(() => api.profilingHistory(customerId, questionId), [customerId, questionId]);
  if (history.status === "loading") return <Loading label={t("loadingHistory")} />;
  if (history.status === "error") return <ErrorState error={history.error} onRetry={history.reload} />;
  if (history.data.items.length === 0) return <EmptyState>{t("neverAnswered")}</EmptyState>;
  return (
    <ul className={layout.list} aria-label={t("historyOf", { label })}>
      {history.data.items.map((answer) => (
        <li key={answer.id} className={layout.item}>
          <Caption1>
            {formatAnswer(answer.value, t)} – {answer.answeredBy.name},{" "}
            {format.dateTime(answer.answeredAt, me.timeZone)}
          </Caption1>
        </li>
      ))}
    </ul>
  );
}
