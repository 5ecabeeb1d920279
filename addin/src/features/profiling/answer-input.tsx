import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Label,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { ProfilingQuestion } from "contract";
import type { Draft } from "./profiling-draft";

const useStyles = makeStyles({
  choices: { display: "flex", flexDirection: "column" },
  error: { color: tokens.colorPaletteRedForeground1 },
  row: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** The input that fits the question's kind; `hint` says who answered it when. */
export function AnswerInput({
  question,
  draft,
  onChange,
  error,
  hint,
}: {
  question: ProfilingQuestion;
  draft: Draft;
  onChange: (draft: Draft) => void;
  error?: string;
  hint?: string;
}) {
  const styles = useStyles();
  const { t } = useTranslation("profiling");
  const field = {
    label: question.text,
    hint,
    validationState: error ? ("error" as const) : ("none" as const),
    validationMessage: error,
  };
  switch (question.kind) {
    case "TEXT":
      return (
        <Field {...field}>
          <Input value={draft as string} onChange={(_event, data) => onChange(data.value)} />
        </Field>
      );
    case "NUMBER":
      return (
        <Field {...field}>
          <Input type="number" value={draft as string} onChange={(_event, data) => onChange(data.value)} />
        </Field>
      );
    case "MULTIPLE_CHOICE":
      return (
        <CheckboxGroup question={question} ticked={draft as string[]} onChange={onChange} error={error} hint={hint} />
      );
    default: {
      // YES_NO and SINGLE_CHOICE: radio buttons, and a way back to "not answered".
      const yesNo = question.kind === "YES_NO";
      const choices = yesNo
        ? [
            { value: "Yes", label: t("yes") },
            { value: "No", label: t("no") },
          ]
        : question.options.map((option) => ({ value: option, label: option }));
      const selected = yesNo ? (draft === null ? "" : draft ? "Yes" : "No") : ((draft as string | null) ?? "");
      return (
        <Field {...field}>
          <div className={styles.row}>
            <RadioGroup
              layout={yesNo ? "horizontal" : "vertical"}
              value={selected}
              aria-label={question.text}
              onChange={(_event, data) => onChange(yesNo ? data.value === "Yes" : data.value)}
            >
              {choices.map((choice) => (
                <Radio key={choice.value} value={choice.value} label={choice.label} />
              ))}
            </RadioGroup>
            {draft !== null && (
              <Button size="small" appearance="subtle" onClick={() => onChange(null)}>
                {t("clear")}
              </Button>
            )}
          </div>
        </Field>
      );
    }
  }
}

/**
 * Several check boxes under one label. Not a Fluent Field: a Field hands its one id to every
 * control inside, and the boxes would all share it.
 */
function CheckboxGroup({
  question,
  ticked,
  onChange,
  error,
  hint,
}: {
  question: ProfilingQuestion;
  ticked: string[];
  onChange: (draft: Draft) => void;
  error?: string;
  hint?: string;
}) {
  const styles = useStyles();
  const id = useId();
  return (
    <div
      className={styles.choices}
      role="group"
      aria-labelledby={`${id}-label`}
      aria-describedby={[error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(" ") || undefined}
    >
      <Label id={`${id}-label`}>{question.text}</Label>
      {question.options.map((option) => (
        <Checkbox
          key={option}
          label={option}
          checked={ticked.includes(option)}
          onChange={(_event, data) =>
            onChange(data.checked ? [...ticked, option] : ticked.filter((other) => other !== option))
          }
        />
      ))}
      {error && (
        <Text id={`${id}-error`} className={styles.error}>
          {error}
        </Text>
      )}
      {hint && <Caption1 id={`${id}-hint`}>{hint}</Caption1>}
    </div>
  );
}
