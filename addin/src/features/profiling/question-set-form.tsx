import {
  Button,
  Caption1,
  Field,
  Input,
  Select,
  Switch,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { PROFILING_KINDS, type ProfilingQuestionKind, type ProfilingSet, isChoiceKind } from "contract";
import { ApiError } from "../../api/api-error";
import { useServices } from "../../shared/services-context";
import { useErrorMessage } from "../../shared/error-message";
import { FormFooter } from "../../shared/form-footer";
import { useLayoutStyles } from "../../shared/layout-styles";

const useStyles = makeStyles({
  question: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  archived: { opacity: 0.6 },
});

interface EditableQuestion {
  /** React key; stays while the list is reordered. */
  key: string;
  /** Absent until saved. */
  id?: string;
  text: string;
  kind: ProfilingQuestionKind;
  /** One option per line. */
  options: string;
  archived: boolean;
}

let newKeys = 0;
const editable = (set?: ProfilingSet): EditableQuestion[] =>
  (set?.questions ?? []).map((question) => ({ ...question, key: question.id, options: question.options.join("\n") }));

/**
 * Creates or changes one question set: its name, whether it is asked, and its questions in order.
 * Saved questions are archived, never removed, so the answers to them stay readable.
 */
export function QuestionSetForm({
  set,
  onSaved,
  onCancel,
}: {
  set?: ProfilingSet;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const layout = useLayoutStyles();
  const styles = useStyles();
  const { t } = useTranslation("profiling");
  const { t: common } = useTranslation("common");
  const errorMessage = useErrorMessage();
  const { api } = useServices();
  const [name, setName] = useState(set?.name ?? "");
  const [active, setActive] = useState(set?.active ?? true);
  const [questions, setQuestions] = useState(editable(set));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const details = error instanceof ApiError ? error.details : [];
  const fieldError = (field: string) =>
    details
      .filter((detail) => detail.field === `body.${field}` || detail.field.startsWith(`body.${field}.`))
      .map((detail) => detail.message)
      .join("; ") || undefined;
  const validation = (message?: string) => ({
    validationState: message ? ("error" as const) : ("none" as const),
    validationMessage: message,
  });

  const change = (index: number, fields: Partial<EditableQuestion>) =>
    setQuestions(questions.map((question, at) => (at === index ? { ...question, ...fields } : question)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...questions];
    [next[index], next[index + by]] = [next[index + by]!, next[index]!];
    setQuestions(next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    const body = {
      name,
      active,
      questions: questions.map(({ id, text, kind, options, archived }) => ({
        ...(id ? { id } : {}),
        text,
        kind,
        options: isChoiceKind(kind)
          ? options
              .split("\n")
              .map((option) => option.trim())
              .filter(Boolean)
          : [],
        archived,
      })),
    };
    try {
      if (set) await api.updateProfilingSet(set.id, { ...body, version: set.version });
      else await api.createProfilingSet(body);
      onSaved();
    } catch (failure) {
      setError(failure);
      setSaving(false);
    }
  };

  // Messages not shown next to a field (a stale version, a dropped question) go above the buttons.
  const general = details.filter((detail) => !/^body\.(name|questions\.\d+)/.test(detail.field));
  return (
    <form
      className={layout.form}
      onSubmit={submit}
      aria-label={set ? common("editWhat", { what: set.name }) : t("newSet")}
    >
      <Field label={t("setName")} required {...validation(fieldError("name"))}>
        <Input value={name} onChange={(_event, data) => setName(data.value)} />
      </Field>
      <Switch label={t("active")} checked={active} onChange={(_event, data) => setActive(data.checked)} />
      {questions.map((question, index) => (
        <div
          key={question.key}
          className={`${styles.question} ${question.archived ? styles.archived : ""}`}
          role="group"
          aria-label={t("question", { number: index + 1 })}
        >
          <Field label={t("question", { number: index + 1 })} {...validation(fieldError(`questions.${index}.text`))}>
            <Input value={question.text} onChange={(_event, data) => change(index, { text: data.value })} />
          </Field>
          <Field label={t("kind")} {...validation(fieldError(`questions.${index}.kind`))}>
            <Select
              value={question.kind}
              onChange={(_event, data) => change(index, { kind: data.value as ProfilingQuestionKind })}
            >
              {PROFILING_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kinds.${kind}`)}
                </option>
              ))}
            </Select>
          </Field>
          {isChoiceKind(question.kind) && (
            <Field label={t("options")} {...validation(fieldError(`questions.${index}.options`))}>
              <Textarea
                value={question.options}
                rows={3}
                onChange={(_event, data) => change(index, { options: data.value })}
              />
            </Field>
          )}
          {question.archived && <Caption1>{t("archived")}</Caption1>}
          <div className={layout.buttons}>
            <Button size="small" appearance="subtle" disabled={index === 0} onClick={() => move(index, -1)}>
              {t("up")}
            </Button>
            <Button
              size="small"
              appearance="subtle"
              disabled={index === questions.length - 1}
              onClick={() => move(index, 1)}
            >
              {t("down")}
            </Button>
            {question.id ? (
              <Button size="small" appearance="subtle" onClick={() => change(index, { archived: !question.archived })}>
                {question.archived ? t("restore") : t("archive")}
              </Button>
            ) : (
              <Button
                size="small"
                appearance="subtle"
                onClick={() => setQuestions(questions.filter((_question, at) => at !== index))}
              >
                {t("remove")}
              </Button>
            )}
          </div>
        </div>
      ))}
      <div className={layout.buttons}>
        <Button
          size="small"
          onClick={() =>
            setQuestions([
              ...questions,
              { key: `new-${++newKeys}`, text: "", kind: "TEXT", options: "", archived: false },
            ])
          }
        >
          {t("addQuestion")}
        </Button>
      </div>
      <FormFooter
        message={error !== null && (general.length > 0 || details.length === 0) ? errorMessage(error) : null}
        saving={saving}
        submitLabel={t("saveSet")}
        onCancel={onCancel}
      />
    </form>
  );
}
