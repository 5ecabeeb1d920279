import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { type ChangeEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ImportIssue, MAX_IMPORT_CHARS, type OrderImportResult } from "contract";
import { useFormat } from "../../i18n";
import { useErrorMessage } from "../../shared/error-message";
import { useLayoutStyles } from "../../shared/layout-styles";
import { useServices } from "../../shared/services-context";

const useStyles = makeStyles({
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  cell: {
    textAlign: "start",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
  number: { textAlign: "end" },
});

interface ChosenFile {
  name: string;
  content: string;
  format: "csv" | "xml";
}

/**
 * A customer's order file: checked first (the service's dry run: every line priced, or every line's
 * problem), imported only on confirmation, and then once only (the service answers a second import
 * of the same file or order reference with the order made before).
 */
export function OrderImportSection({ customerId, onImported }: { customerId: string; onImported: () => void }) {
  const layout = useLayoutStyles();
  const styles = useStyles();
  const { t } = useTranslation("items", { keyPrefix: "import" });
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const { api } = useServices();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [result, setResult] = useState<OrderImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A fresh input after "choose another file", so picking the same file again still reads it.
  const [inputKey, setInputKey] = useState(0);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setResult(null);
    setError(null);
    setNotice(null);
    setFile(null);
    if (!chosen) return;
    const content = await chosen.text();
    if (content.length > MAX_IMPORT_CHARS) return setNotice(t("tooLarge"));
    const xml = chosen.name.toLowerCase().endsWith(".xml") || content.trimStart().startsWith("<");
    setFile({ name: chosen.name, content, format: xml ? "xml" : "csv" });
  };
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await api.importOrder(customerId, {
        format: file.format,
        content: file.content,
        fileName: file.name,
        dryRun,
      });
      setResult(answer);
      if (answer.order) onImported();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const problem = (issue: ImportIssue) => (issue.line === 0 ? t("fileProblem", issue) : t("problem", issue));
  const summary = (answer: OrderImportResult) => {
    const number = answer.order?.number;
    if (answer.status === "created") return t("created", { number });
    if (answer.status === "duplicate") return t("duplicate", { number });
    if (answer.status === "invalid") return t("invalid", { count: answer.errors.length });
    return t("ready", { count: answer.lines.length, total: format.money(answer.total ?? "0", answer.currency) });
  };

  return (
    <section className={layout.form} aria-label={t("heading")}>
      <Text as="h3" weight="semibold" size={400}>
        {t("heading")}
      </Text>
      <Field label={t("file")}>
        {/* A plain file input gets the Field's label only through the render function's id and aria props. */}
        {(fieldProps) => (
          <input
            {...fieldProps}
            key={inputKey}
            type="file"
            accept=".csv,.xml,text/csv,application/xml,text/xml"
            onChange={choose}
          />
        )}
      </Field>
      {notice && (
        <MessageBar intent="warning">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {file && !result && (
        <div className={layout.buttons}>
          <Button appearance="primary" disabled={busy} onClick={() => run(true)}>
            {t("check")}
          </Button>
        </div>
      )}
      {error !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{errorMessage(error)}</MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <>
          <MessageBar
            intent={result.status === "invalid" ? "error" : result.status === "ready" ? "info" : "success"}
            role="status"
          >
            <MessageBarBody>
              {result.reference ? `${t("reference", { reference: result.reference })}: ` : ""}
              {summary(result)}
            </MessageBarBody>
          </MessageBar>
          <table className={styles.table} aria-label={t("lines")}>
            <thead>
              <tr>
                <th className={styles.cell}>{t("lineNumber")}</th>
                <th className={styles.cell}>{t("item")}</th>
                <th className={`${styles.cell} ${styles.number}`}>{t("quantity")}</th>
                <th className={`${styles.cell} ${styles.number}`}>{t("price")}</th>
              </tr>
            </thead>
            <tbody>
              {result.lines.map((line) => (
                <tr key={line.line}>
                  <td className={styles.cell}>{line.line}</td>
                  <td className={styles.cell}>
                    {line.item}
                    {line.customerItem && <Caption1 block>{line.customerItem}</Caption1>}
                  </td>
                  <td className={`${styles.cell} ${styles.number}`}>{line.quantity}</td>
                  <td className={`${styles.cell} ${styles.number}`}>
                    {line.lineTotal ? format.money(line.lineTotal, result.currency) : "–"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.errors.length > 0 && (
            <ul className={layout.list} aria-label={t("errors")}>
              {result.errors.map((issue, index) => (
                <li key={index}>
                  <Caption1>{problem(issue)}</Caption1>
                </li>
              ))}
            </ul>
          )}
          <div className={layout.buttons}>
            {result.status === "ready" && (
              <Button appearance="primary" disabled={busy} onClick={() => run(false)}>
                {t("confirm", { count: result.lines.length })}
              </Button>
            )}
            <Button
              disabled={busy}
              onClick={() => {
                setResult(null);
                setFile(null);
                setInputKey((key) => key + 1);
              }}
            >
              {t("again")}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
