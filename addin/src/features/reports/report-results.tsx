import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useFormat } from "../../i18n";
import type { ReactNode } from "react";
import { ACTUAL_CUSTOMER_STATUS } from "contract";
import type { ReportKind, ReportPage } from "../../api/report-calls";
import { EmptyState } from "../../shared/state-views";
import { ShowMore, useShowMore } from "../../shared/show-more";
import { useLayoutStyles } from "../../shared/layout-styles";

const useStyles = makeStyles({
  // The pane is narrow: one card a row, its facts wrapping, instead of a table squeezing columns.
  card: {
    width: "100%",
    boxSizing: "border-box",
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    textAlign: "start",
    fontWeight: tokens.fontWeightRegular,
    overflowWrap: "anywhere",
  },
  title: { fontWeight: tokens.fontWeightSemibold },
  notCustomer: { color: tokens.colorPaletteRedForeground1 },
});

/** One row of a report: a card that opens the customer it is about. */
function RowCard({ title, lines, onOpen }: { title: string; lines: ReactNode[]; onOpen?: () => void }) {
  const styles = useStyles();
  const content = (
    <>
      <Text as="strong" className={styles.title}>
        {title}
      </Text>
      {lines.map((line, index) => (
        <Caption1 key={index}>{line}</Caption1>
      ))}
    </>
  );
  return (
    <li>
      {onOpen ? (
        <Button appearance="subtle" className={styles.card} onClick={onOpen}>
          {content}
        </Button>
      ) : (
        <div className={styles.card}>{content}</div>
      )}
    </li>
  );
}

function Cards({ label, children }: { label: string; children: ReactNode }) {
  const layout = useLayoutStyles();
  return (
    <ul className={layout.list} aria-label={label}>
      {children}
    </ul>
  );
}

const counted = (total: number, shown: number, noun: string, plural = `${noun}s`) =>
  `${total} ${total === 1 ? noun : plural}${total > shown ? `, ${shown} shown` : ""}`;

type ListKind = "customers" | "activities" | "quotes";
// The summary has no pages: one unchanging empty list, so that the pages are never reset by it.
const NO_ROWS = { items: [], total: 0 };

/**
 * The report's rows as cards, the first page and as many more as asked for ("Show more");
 * a row about a customer opens its record.
 */
export function ReportResults<K extends ReportKind>({
  kind,
  page,
  timeZone,
  onMore,
  onOpenCustomer,
}: {
  kind: K;
  page: ReportPage[K];
  timeZone: string;
  /** The next page of the same report, from the given offset. */
  onMore: (offset: number) => Promise<ReportPage[ListKind]>;
  onOpenCustomer: (customerId: string) => void;
}) {
  const format = useFormat();
  const styles = useStyles();
  // Rows of the pages after the first, of whichever list this is.
  type Row = ReportPage[ListKind]["items"][number];
  const list = useShowMore<Row>(
    kind === "summary" ? NO_ROWS : (page as ReportPage[ListKind]),
    (offset) => onMore(offset) as Promise<{ items: Row[] }>,
  );
  const when = (iso: string) => format.dateTime(iso, timeZone);
  const day = (iso: string) => format.date(iso, timeZone);
  if (kind === "summary") {
    const summary = page as ReportPage["summary"];
    if (summary.rows.length === 0) return <EmptyState>No activities or e-mails in this period.</EmptyState>;
    return (
      <>
        <Caption1>
          Per {summary.groupBy} in {summary.timeZone}
        </Caption1>
        <Cards label="Activity summary">
          {summary.rows.map((row) => (
            <RowCard
              key={`${row.period} ${row.salesman.id} ${row.kind}`}
              title={`${row.period.slice(0, summary.groupBy === "month" ? 7 : 10)} · ${row.salesman.name}`}
              lines={[
                `${row.kind === "EMAIL_LOGGED" ? "e-mails logged" : row.kind.toLowerCase()}: ${row.planned} planned, ${row.done} done`,
              ]}
            />
          ))}
        </Cards>
      </>
    );
  }
  const { items, total } = list;
  if (items.length === 0) return <EmptyState>Nothing matches. Change the filters.</EmptyState>;
  const status = (code: number) => (
    <span className={code === ACTUAL_CUSTOMER_STATUS ? undefined : styles.notCustomer}>status {code}</span>
  );

  let cards: ReactNode;
  let summary: string;
  if (kind === "customers") {
    const rows = items as ReportPage["customers"]["items"];
    summary = counted(total, rows.length, "customer");
    cards = (
      <Cards label="Customer list">
        {rows.map((row) => (
          <RowCard
            key={row.id}
            title={row.name}
            onOpen={() => onOpenCustomer(row.id)}
            lines={[
              <>
                {row.accountNumber}
                {row.city ? ` · ${row.city}` : ""} · {status(row.status.code)}
              </>,
              `Salesmen: ${row.salesmen.join(", ") || "none"}`,
            ]}
          />
        ))}
      </Cards>
    );
  } else if (kind === "activities") {
    const rows = items as ReportPage["activities"]["items"];
    summary = counted(total, rows.length, "activity", "activities");
    cards = (
      <Cards label="Activity list">
        {rows.map((row) => (
          <RowCard
            key={row.id}
            title={row.subject}
            onOpen={() => onOpenCustomer(row.customer.id)}
            lines={[
              `${when(row.startsAt)} · ${row.type.toLowerCase()} · ${row.status.toLowerCase()}`,
              [row.customer.name, row.contact?.name].filter(Boolean).join(" · "),
              `Owner: ${row.owner.name}`,
            ]}
          />
        ))}
      </Cards>
    );
  } else {
    const quotes = page as ReportPage["quotes"];
    const rows = items as ReportPage["quotes"]["items"];
    summary = `${counted(total, rows.length, "quote")} · total ${quotes.totals.map((sum) => `${sum.total} ${sum.currency}`).join(", ")}`;
    cards = (
      <Cards label="Quote list">
        {rows.map((row) => (
          <RowCard
            key={row.id}
            title={`Q-${row.number}${row.title ? ` ${row.title}` : ""}`}
            onOpen={() => onOpenCustomer(row.customer.id)}
            lines={[
              row.customer.name,
              `${row.total} ${row.currency} · ${row.status.toLowerCase()} · ${day(row.createdAt)}`,
            ]}
          />
        ))}
      </Cards>
    );
  }
  return (
    <>
      <Caption1>{summary}</Caption1>
      {cards}
      <ShowMore list={list} />
    </>
  );
}
