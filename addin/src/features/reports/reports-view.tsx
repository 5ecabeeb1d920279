import { Button, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { MAX_REPORT_DAYS } from "contract";
import { dayInZone } from "contract/zoned-time";
import type { DownloadedFile, ReportFilter, ReportKind } from "../../api/report-calls";
import { useServices } from "../../shared/services-context";
import { ErrorState, Loading } from "../../shared/state-views";
import { useAsync } from "../../shared/use-async";
import { useLayoutStyles } from "../../shared/layout-styles";
import { ReportFilters } from "./report-filters";
import { ReportResults } from "./report-results";
import { saveFile } from "../../shared/save-file";
import { useMailItem } from "../../shared/use-mail-item";
import { PAGE_SIZE } from "../../shared/show-more";
import { RecordView } from "../record";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

const REPORTS: ReportKind[] = ["customers", "activities", "summary", "quotes"];

const needsPeriod = (kind: ReportKind) => kind === "activities" || kind === "summary";

/** What is wrong with the period (its key in reports:period), or null: the service would refuse it the same way. */
function periodProblem(kind: ReportKind, filter: ReportFilter): "needed" | "backwards" | "tooLong" | null {
  if (needsPeriod(kind) && (!filter.from || !filter.to)) return "needed";
  if (filter.from && filter.to && filter.to < filter.from) return "backwards";
  if (needsPeriod(kind) && Date.parse(filter.to) - Date.parse(filter.from) >= MAX_REPORT_DAYS * 86_400_000)
    return "tooLong";
  return null;
}

/** Lists and reports: choose one, filter it, see its first page, export it as CSV or print labels. */
export function ReportsView() {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { t } = useTranslation("reports");
  const { api, me } = useServices();
  const choices = useAsync(async () => {
    const [types, statuses, users] = await Promise.all([api.types(), api.statuses(), api.users()]);
    return { types: types.items, statuses: statuses.items, users: users.items };
  }, [api]);
  const today = dayInZone(new Date(), me.timeZone);
  const [kind, setKind] = useState<ReportKind>("customers");
  const [filter, setFilter] = useState<ReportFilter>({
    types: [],
    statuses: [],
    salesman: "",
    from: "",
    to: "",
    groupBy: "month",
    periodOf: "created",
  });
  const [applied, setApplied] = useState<{ kind: ReportKind; filter: ReportFilter } | null>(null);
  // The answer carries the report it belongs to: until a new one arrives, the last one stays whole.
  const results = useAsync(
    async () => (applied ? { ...applied, page: await api.report(applied.kind, applied.filter) } : null),
    [applied],
  );
  const [download, setDownload] = useState<{ busy: "csv" | "labels" | null; error: unknown }>({
    busy: null,
    error: null,
  });
  const problem = periodProblem(kind, filter);
  const shown = results.status === "ready" ? results.data : null;
  const item = useMailItem();
  // A row opens its customer here; back leads to the same report, its extra pages still there.
  const [open, setOpen] = useState<string | null>(null);

  // The activity reports need a period: this year so far is the usual question.
  const choose = (next: ReportKind) => {
    setKind(next);
    if (needsPeriod(next) && !filter.from && !filter.to)
      setFilter({ ...filter, from: `${today.slice(0, 4)}-01-01`, to: today });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Each report gets only the parameters it knows.
    const own = {
      groupBy: kind === "summary" ? filter.groupBy : undefined,
      periodOf: kind === "customers" ? filter.periodOf : undefined,
    };
    if (!problem) setApplied({ kind, filter: { ...filter, ...own } });
  };
  const fetchFile = async (what: "csv" | "labels", get: () => Promise<DownloadedFile>) => {
    setDownload({ busy: what, error: null });
    try {
      saveFile(await get());
      setDownload({ busy: null, error: null });
    } catch (error) {
      setDownload({ busy: null, error });
    }
  };

  if (choices.status === "loading") return <Loading label={t("loadingFilters")} />;
  if (choices.status === "error") return <ErrorState error={choices.error} onRetry={choices.reload} />;
  return (
    <div className={styles.stack}>
      {open && (
        <>
          <Button appearance="subtle" onClick={() => setOpen(null)}>
            {t("back")}
          </Button>
          <RecordView customerId={open} contactId={null} item={item.data ?? null} />
        </>
      )}
      {/* Hidden, not unmounted: the report, its extra pages and the filters stay as they were. */}
      <div hidden={open !== null}>
        <div className={styles.stack}>
          <form className={styles.stack} onSubmit={submit} aria-label={t("report")}>
            <Field label={t("report")}>
              <Select value={kind} onChange={(_event, data) => choose(data.value as ReportKind)}>
                {REPORTS.map((report) => (
                  <option key={report} value={report}>
                    {t(`kinds.${report}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <ReportFilters
              kind={kind}
              value={filter}
              onChange={setFilter}
              choices={choices.data}
              periodRequired={needsPeriod(kind)}
            />
            {problem && <Text role="alert">{t(`period.${problem}`)}</Text>}
            <Button appearance="primary" type="submit" disabled={problem !== null}>
              {t("show")}
            </Button>
          </form>
          {applied && results.status === "loading" && <Loading label={t("running")} />}
          {results.status === "error" && <ErrorState error={results.error} onRetry={results.reload} />}
          {shown && (
            <section className={styles.stack} aria-label={t("results")}>
              <div className={layout.buttons}>
                <Button
                  disabled={download.busy !== null}
                  onClick={() => fetchFile("csv", () => api.reportCsv(shown.kind, shown.filter))}
                >
                  {download.busy === "csv" ? t("exporting") : t("exportCsv")}
                </Button>
                {shown.kind === "customers" && (
                  <Button
                    disabled={download.busy !== null}
                    onClick={() => fetchFile("labels", () => api.addressLabels(shown.filter))}
                  >
                    {download.busy === "labels" ? t("preparingLabels") : t("labels")}
                  </Button>
                )}
              </div>
              {download.error !== null && <ErrorState error={download.error} />}
              <ReportResults
                kind={shown.kind}
                page={shown.page}
                timeZone={me.timeZone}
                onMore={(offset) => api.report(shown.kind as "customers", shown.filter, PAGE_SIZE, offset)}
                onOpenCustomer={setOpen}
              />
            </section>
          )}
        </div>
      </div>
    </div>
  );
}
