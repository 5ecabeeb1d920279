import { Button, Caption1, Checkbox, Field, SearchBox, Text, makeStyles, tokens } from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ACTUAL_CUSTOMER_STATUS, type CustomerSummary } from "contract";
import { may } from "../../shared/may";
import { recentCustomers } from "../../shared/recent-customers";
import { useServices } from "../../shared/services-context";
import { EmptyState, ErrorState, Loading } from "../../shared/state-views";
import type { CustomerSearch as SearchQuery } from "../../api/crm-api";
import { useAsync } from "../../shared/use-async";
import { useMailItem } from "../../shared/use-mail-item";
import { RecordView } from "../record";
import { useLayoutStyles } from "../../shared/layout-styles";
import { ShowMore, useShowMore } from "../../shared/show-more";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // Checkboxes rather than drop-downs: every filter visible at once in a narrow pane, no popups.
  group: {
    border: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexWrap: "wrap",
    "& legend": { fontWeight: tokens.fontWeightSemibold, padding: 0 },
  },
  result: { width: "100%", justifyContent: "flex-start", textAlign: "start" },
  notCustomer: { color: tokens.colorPaletteRedForeground1 },
});

/** Search by account number, name or address, filtered by types, statuses and due reminders. */
export function CustomerSearch() {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { t } = useTranslation("search");
  const { api, me } = useServices();
  const item = useMailItem();
  const types = useAsync(() => api.types(), [api]);
  const statuses = useAsync(() => api.statuses(), [api]);
  const [text, setText] = useState("");
  const [selectedTypes, setSelectedTypes] = useState<string[]>([]);
  const [selectedStatuses, setSelectedStatuses] = useState<string[]>([]);
  const [due, setDue] = useState(false);
  const [mine, setMine] = useState(false);
  const [query, setQuery] = useState<SearchQuery | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const results = useAsync(() => (query ? api.searchCustomers(query) : Promise.resolve(null)), [query]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOpen(null);
    setQuery({ search: text, types: selectedTypes, statuses: selectedStatuses.map(Number), dueReminders: due, mine });
  };
  // The accounts department's queue: released customers waiting to be approved or declined.
  const awaitingApproval = () => {
    setOpen(null);
    setQuery({ lifecycle: "RELEASED", limit: 50 });
  };
  const recent = !query && !text.trim() ? recentCustomers(me.id) : [];

  if (open)
    return (
      <div className={styles.stack}>
        <Button appearance="subtle" onClick={() => setOpen(null)}>
          {t("back")}
        </Button>
        <RecordView customerId={open} contactId={null} item={item.data ?? null} />
      </div>
    );

  return (
    <div className={styles.stack}>
      <form className={styles.stack} onSubmit={submit} role="search" aria-label={t("form")}>
        <Field label={t("field")}>
          <SearchBox value={text} onChange={(_event, data) => setText(data.value)} placeholder={t("placeholder")} />
        </Field>
        <fieldset className={styles.group}>
          <legend>{t("types")}</legend>
          {(types.data?.items ?? []).map((type) => (
            <Checkbox
              key={type.id}
              label={type.name}
              checked={selectedTypes.includes(type.name)}
              onChange={(_event, data) => setSelectedTypes(toggle(selectedTypes, type.name, data.checked === true))}
            />
          ))}
        </fieldset>
        <fieldset className={styles.group}>
          <legend>{t("statuses")}</legend>
          {(statuses.data?.items ?? []).map((status) => (
            <Checkbox
              key={status.code}
              label={`${status.code} · ${status.label}`}
              checked={selectedStatuses.includes(String(status.code))}
              onChange={(_event, data) =>
                setSelectedStatuses(toggle(selectedStatuses, String(status.code), data.checked === true))
              }
            />
          ))}
        </fieldset>
        <Checkbox checked={due} onChange={(_event, data) => setDue(data.checked === true)} label={t("dueToday")} />
        <Checkbox checked={mine} onChange={(_event, data) => setMine(data.checked === true)} label={t("mine")} />
        <div className={layout.buttons}>
          <Button appearance="primary" type="submit">
            {t("search")}
          </Button>
          {may(me, "customers:approve") && <Button onClick={awaitingApproval}>{t("awaitingApproval")}</Button>}
        </div>
        <Caption1>{t("filtersApply")}</Caption1>
      </form>
      {recent.length > 0 && (
        <section aria-label={t("recent")}>
          <Text weight="semibold">{t("recent")}</Text>
          <ul className={layout.list}>
            {recent.map((customer) => (
              <li key={customer.id}>
                <Button appearance="subtle" className={styles.result} onClick={() => setOpen(customer.id)}>
                  {customer.name} · {customer.accountNumber}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {query && results.status === "loading" && <Loading label={t("searching")} />}
      {results.status === "error" && <ErrorState error={results.error} onRetry={results.reload} />}
      {results.status === "ready" && results.data && (
        <Results
          awaiting={query?.lifecycle === "RELEASED"}
          page={results.data}
          onMore={(offset) => api.searchCustomers({ ...query!, offset })}
          onOpen={setOpen}
        />
      )}
    </div>
  );
}

interface ResultsProps {
  /** The accounts department's queue rather than a search. */
  awaiting: boolean;
  /** The first page; totalCapped when the service stopped counting a broad search ("100+ customers"). */
  page: { items: CustomerSummary[]; total: number; totalCapped?: boolean };
  /** The next page of the same search, from the given offset. */
  onMore: (offset: number) => Promise<{ items: CustomerSummary[] }>;
  onOpen: (id: string) => void;
}

function Results({ awaiting, page, onMore, onOpen }: ResultsProps) {
  const styles = useStyles();
  const { t } = useTranslation("search");
  const label = awaiting ? t("awaitingApproval") : t("results");
  const layout = useLayoutStyles();
  const list = useShowMore(page, onMore);
  const { items, total } = list;
  const totalCapped = page.totalCapped ?? false;
  if (items.length === 0) return <EmptyState>{awaiting ? t("noneAwaiting") : t("noMatch")}</EmptyState>;
  return (
    <section aria-label={label}>
      <Caption1>
        {totalCapped ? t("countCapped", { count: total }) : t("count", { count: total })}
        {total > items.length ? t("firstShown", { count: items.length }) : ""}
      </Caption1>
      <ul className={layout.list}>
        {items.map((customer) => (
          <li key={customer.id}>
            <Button appearance="subtle" className={styles.result} onClick={() => onOpen(customer.id)}>
              <span>
                <Text weight="semibold">{customer.name}</Text>{" "}
                <Caption1>
                  {customer.accountNumber}
                  {customer.city ? ` · ${customer.city}` : ""} ·{" "}
                  <span className={customer.status.code === ACTUAL_CUSTOMER_STATUS ? undefined : styles.notCustomer}>
                    {t("status", { code: customer.status.code })}
                  </span>
                </Caption1>
              </span>
            </Button>
          </li>
        ))}
      </ul>
      <ShowMore list={list} />
    </section>
  );
}

function toggle(values: string[], value: string, on: boolean): string[] {
  return on ? [...values.filter((each) => each !== value), value] : values.filter((each) => each !== value);
}
