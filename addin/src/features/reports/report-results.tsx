import {
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { ReportKind, ReportPage } from "../../api/report-calls";
import { EmptyState } from "../../shared/state-views";
import { formatInZone } from "../../shared/zoned-time";

const useStyles = makeStyles({
  // The pane is narrow: a wide table scrolls sideways instead of squeezing every column.
  scroll: { overflowX: "auto" },
});

interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
}

function ResultTable<T>({
  label,
  rows,
  columns,
  rowKey,
}: {
  label: string;
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
}) {
  const styles = useStyles();
  return (
    <div className={styles.scroll}>
      <Table size="extra-small" aria-label={label}>
        <TableHeader>
          <TableRow>
            {columns.map((column) => (
              <TableHeaderCell key={column.header}>{column.header}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={rowKey(row)}>
              {columns.map((column) => (
                <TableCell key={column.header}>{column.cell(row)}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

const counted = (total: number, shown: number, noun: string, plural = `${noun}s`) =>
  `${total} ${total === 1 ? noun : plural}${total > shown ? `, first ${shown} shown` : ""}`;

/** The first page of a report, as a table. */
export function ReportResults<K extends ReportKind>({
  kind,
  page,
  timeZone,
}: {
  kind: K;
  page: ReportPage[K];
  timeZone: string;
}) {
  const when = (iso: string) => formatInZone(iso, timeZone);
  const day = (iso: string) => formatInZone(iso, timeZone, false);
  if (kind === "summary") {
    const summary = page as ReportPage["summary"];
    if (summary.rows.length === 0) return <EmptyState>No activities or e-mails in this period.</EmptyState>;
    return (
      <>
        <Caption1>
          Per {summary.groupBy} in {summary.timeZone}
        </Caption1>
        <ResultTable
          label="Activity summary"
          rows={summary.rows}
          rowKey={(row) => `${row.period} ${row.salesman.id} ${row.kind}`}
          columns={[
            {
              header: summary.groupBy === "month" ? "Month" : "Week of",
              cell: (row) => row.period.slice(0, summary.groupBy === "month" ? 7 : 10),
            },
            { header: "Salesman", cell: (row) => row.salesman.name },
            {
              header: "Kind",
              cell: (row) => (row.kind === "EMAIL_LOGGED" ? "e-mails logged" : row.kind.toLowerCase()),
            },
            { header: "Planned", cell: (row) => row.planned },
            { header: "Done", cell: (row) => row.done },
          ]}
        />
      </>
    );
  }
  const { items, total } = page as ReportPage["customers" | "activities" | "quotes"];
  if (items.length === 0) return <EmptyState>Nothing matches. Change the filters.</EmptyState>;
  if (kind === "customers") {
    const rows = items as ReportPage["customers"]["items"];
    return (
      <>
        <Caption1>{counted(total, rows.length, "customer")}</Caption1>
        <ResultTable
          label="Customer list"
          rows={rows}
          rowKey={(row) => row.id}
          columns={[
            { header: "Name", cell: (row) => row.name },
            { header: "Account", cell: (row) => row.accountNumber },
            { header: "City", cell: (row) => row.city ?? "" },
            { header: "Status", cell: (row) => row.status.code },
            { header: "Salesmen", cell: (row) => row.salesmen.join(", ") },
          ]}
        />
      </>
    );
  }
  if (kind === "activities") {
    const rows = items as ReportPage["activities"]["items"];
    return (
      <>
        <Caption1>{counted(total, rows.length, "activity", "activities")}</Caption1>
        <ResultTable
          label="Activity list"
          rows={rows}
          rowKey={(row) => row.id}
          columns={[
            { header: "When", cell: (row) => when(row.startsAt) },
            { header: "Type", cell: (row) => row.type.toLowerCase() },
            { header: "Status", cell: (row) => row.status.toLowerCase() },
            { header: "Subject", cell: (row) => row.subject },
            { header: "Customer", cell: (row) => row.customer.name },
            { header: "Contact", cell: (row) => row.contact?.name ?? "" },
            { header: "Owner", cell: (row) => row.owner.name },
          ]}
        />
      </>
    );
  }
  const quotes = page as ReportPage["quotes"];
  return (
    <>
      <Caption1>
        {counted(total, quotes.items.length, "quote")} · total{" "}
        {quotes.totals.map((sum) => `${sum.total} ${sum.currency}`).join(", ")}
      </Caption1>
      <ResultTable
        label="Quote list"
        rows={quotes.items}
        rowKey={(row) => row.id}
        columns={[
          { header: "Quote", cell: (row) => `Q-${row.number}` },
          { header: "Customer", cell: (row) => row.customer.name },
          { header: "Total", cell: (row) => `${row.total} ${row.currency}` },
          { header: "Status", cell: (row) => row.status.toLowerCase() },
          { header: "Created", cell: (row) => day(row.createdAt) },
        ]}
      />
    </>
  );
}
