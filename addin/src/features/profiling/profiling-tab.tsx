import { Button, Caption1, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type CustomerProfiling, type ProfilingValue, sameProfilingValue } from "contract";
import { ApiError } from "../../api/api-error";
import { useServices } from "../../shared/services-context";
import { EmptyState, ErrorState, Loading } from "../../shared/state-views";
import { useErrorMessage } from "../../shared/error-message";
import { useLayoutStyles } from "../../shared/layout-styles";
import { useAsync } from "../../shared/use-async";
import { useFormat } from "../../i18n";
import { may } from "../../shared/may";
import type { RecordTabContext } from "../../shared/record-tab.types";
import { AnswerHistory } from "./answer-history";
import { AnswerInput } from "./answer-input";
import { type Draft, fromDraft, toDraft } from "./profiling-draft";
import { ProfilingSetsEditor } from "./profiling-sets-editor";

const useStyles = makeStyles({
  set: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    border: "none",
    margin: 0,
    padding: 0,
  },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  question: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

type Question = CustomerProfiling["sets"][number]["questions"][number];

/** The customer's profile: each active question set as a group, answered in place, saved together. */
export function ProfilingTab({ record }: RecordTabContext) {
  const layout = useLayoutStyles();
  const styles = useStyles();
  const { t } = useTranslation("profiling");
  const { t: common } = useTranslation("common");
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const { api, me } = useServices();
  const customerId = record.customer.id;
  const profile = useAsync(() => api.profiling(customerId), [customerId]);
  const [editing, setEditing] = useState(false);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [history, setHistory] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string } | null>(null);

  const questions = useMemo(() => (profile.data?.sets ?? []).flatMap((set) => set.questions), [profile.data]);
  // A fresh profile (first load, after saving) replaces whatever was typed.
  useEffect(() => {
    setDrafts(Object.fromEntries(questions.map((question) => [question.id, draftOf(question)])));
  }, [questions]);

  // null is a draft too (a cleared choice), so no ?? here.
  const draftFor = (question: Question) => (question.id in drafts ? drafts[question.id]! : draftOf(question));

  if (profile.status === "loading") return <Loading label={t("loadingProfile")} />;
  if (profile.status === "error") return <ErrorState error={profile.error} onRetry={profile.reload} />;

  const changed = questions.flatMap((question) => {
    const now = fromDraft(question, draftFor(question), t("notANumber"));
    const before = fromDraft(question, draftOf(question), t("notANumber"));
    const unchanged = now.ok && before.ok && sameProfilingValue(now.value, before.value);
    return unchanged ? [] : [{ question, now }];
  });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const invalid = Object.fromEntries(
      changed.flatMap(({ question, now }) => (now.ok ? [] : [[question.id, now.message]])),
    );
    setErrors(invalid);
    if (Object.keys(invalid).length > 0) return setMessage({ intent: "error", text: t("checkAnswers") });
    // Only what changed is sent: the service keeps every answer, so re-sending unchanged ones is noise.
    const answers = changed.map(({ question, now }) => ({
      questionId: question.id,
      value: (now.ok ? now.value : null) as ProfilingValue,
    }));
    setSaving(true);
    try {
      await api.saveProfilingAnswers(customerId, answers);
      setMessage({ intent: "success", text: t("saved", { count: answers.length }) });
      profile.reload();
    } catch (failure) {
      const byQuestion = failure instanceof ApiError ? fieldErrors(failure, answers) : {};
      setErrors(byQuestion);
      setMessage({
        intent: "error",
        text: Object.keys(byQuestion).length > 0 ? t("checkAnswers") : errorMessage(failure),
      });
    } finally {
      setSaving(false);
    }
  };

  const answeredBy = (question: Question) => {
    const answer = question.answer;
    if (!answer) return t("notAnswered");
    const when = format.date(answer.answeredAt, me.timeZone);
    return t(answer.value === null ? "clearedBy" : "answeredBy", { name: answer.answeredBy.name, when });
  };

  return (
    <div className={layout.form}>
      {may(me, "profiling:manage") && (
        <div className={layout.buttons}>
          <Button size="small" aria-expanded={editing} onClick={() => setEditing(!editing)}>
            {t("editSets")}
          </Button>
        </div>
      )}
      {editing && <ProfilingSetsEditor onChanged={profile.reload} onClose={() => setEditing(false)} />}
      {profile.data.sets.length === 0 ? (
        <EmptyState>{t("noQuestions")}</EmptyState>
      ) : (
        <form className={layout.form} onSubmit={save} aria-label={t("profile")}>
          {profile.data.sets.map((set) => (
            <fieldset key={set.id} className={styles.set}>
              <legend className={styles.legend}>{set.name}</legend>
              {set.description && <Caption1>{set.description}</Caption1>}
              {set.questions.map((question) => (
                <div key={question.id} className={styles.question}>
                  <AnswerInput
                    question={question}
                    draft={draftFor(question)}
                    onChange={(draft) => setDrafts({ ...drafts, [question.id]: draft })}
                    error={errors[question.id]}
                    hint={answeredBy(question)}
                  />
                  <div className={layout.buttons}>
                    <Button
                      size="small"
                      appearance="subtle"
                      aria-expanded={history === question.id}
                      aria-label={t("historyOf", { label: question.text })}
                      onClick={() => setHistory(history === question.id ? null : question.id)}
                    >
                      {t("history")}
                    </Button>
                  </div>
                  {history === question.id && (
                    <AnswerHistory customerId={customerId} questionId={question.id} label={question.text} />
                  )}
                </div>
              ))}
            </fieldset>
          ))}
          {message && (
            <MessageBar intent={message.intent} role={message.intent === "error" ? "alert" : "status"}>
              <MessageBarBody>{message.text}</MessageBarBody>
            </MessageBar>
          )}
          <div className={layout.buttons}>
            <Button appearance="primary" type="submit" disabled={saving || changed.length === 0}>
              {saving ? common("saving") : t("saveAnswers")}
            </Button>
            {changed.length > 0 && <Text>{t("changed", { count: changed.length })}</Text>}
          </div>
        </form>
      )}
    </div>
  );
}

const draftOf = (question: Question) => toDraft(question, question.answer?.value ?? null);

/** The service names `body.answers.N.value`: N is the position in the batch that was sent. */
function fieldErrors(error: ApiError, answers: { questionId: string }[]): Record<string, string> {
  const byQuestion: Record<string, string> = {};
  for (const detail of error.details) {
    const index = /^body\.answers\.(\d+)\./.exec(detail.field)?.[1];
    const questionId = index === undefined ? undefined : answers[Number(index)]?.questionId;
    if (questionId) byQuestion[questionId] = detail.message;
  }
  return byQuestion;
}
