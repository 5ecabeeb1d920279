import {
  FluentProvider,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { Suspense, lazy, useState } from "react";
import type { CrmApi } from "../api/crm-api";
import { EmailView } from "../features/participants";
import { CustomerSearch } from "../features/search";
import type { Mailbox } from "../office/mail-item.types";
import type { ThemeMode } from "../office/office-theme";
import { outlookTimeZone } from "../office/outlook-time-zone";
import { useAsync } from "../shared/use-async";
import { ServicesProvider } from "../shared/services-context";
import { ErrorState, Loading } from "../shared/state-views";

const useStyles = makeStyles({
  root: {
    minHeight: "100%",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    fontFamily: tokens.fontFamilyBase,
    // The pane is narrow: headings sit tight, Fluent's Text does the sizing.
    "& h1, & h2, & h3, & h4, & p": { margin: 0 },
    "& h4": { display: "block", marginTop: tokens.spacingVerticalXS },
  },
  // At Outlook's narrowest pane (320 px) the three views do not fit one line: they wrap, as the record's tabs do.
  tabs: { flexWrap: "wrap" },
});

export interface TaskPaneAppProps {
  api: CrmApi;
  mailbox: Mailbox;
  theme: ThemeMode;
}

// Reports are for the desk, not for answering an email: their code loads when the tab is first opened.
const ReportsView = lazy(async () => ({ default: (await import("../features/reports/index.js")).ReportsView }));

/** The task pane: the current email's people and records, or a customer search. */
export function TaskPaneApp({ api, mailbox, theme }: TaskPaneAppProps) {
  const styles = useStyles();
  const me = useAsync(async () => {
    const [user, zone] = await Promise.all([api.me(), outlookTimeZone(mailbox).catch(() => null)]);
    // Days, due dates and new activities follow the zone Outlook shows the calendar in; where
    // Outlook does not say (or the change is refused), the CRM's own setting stays.
    return zone && zone !== user.timeZone ? api.setTimeZone(zone).catch(() => user) : user;
  }, [api, mailbox]);
  const [tab, setTab] = useState<"email" | "search" | "reports">("email");
  // Reports load their filters only once opened, then stay mounted like the others.
  const [reportsOpened, setReportsOpened] = useState(false);
  if (tab === "reports" && !reportsOpened) setReportsOpened(true);
  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} className={styles.root}>
      <Title3 as="h1">CRM</Title3>
      {me.status === "loading" && <Loading label="Signing in…" />}
      {me.status === "error" && <ErrorState error={me.error} onRetry={me.reload} />}
      {me.status === "ready" && (
        <ServicesProvider value={{ api, mailbox, me: me.data }}>
          <TabList
            className={styles.tabs}
            selectedValue={tab}
            onTabSelect={(_event, data) => setTab(data.value as "email" | "search" | "reports")}
            aria-label="Views"
          >
            <Tab value="email">This email</Tab>
            <Tab value="search">Search customers</Tab>
            <Tab value="reports">Reports</Tab>
          </TabList>
          {/* Both stay mounted: switching tabs keeps a search or a half-filled form. */}
          <div hidden={tab !== "email"}>
            <EmailView />
          </div>
          <div hidden={tab !== "search"}>
            <CustomerSearch />
          </div>
          <div hidden={tab !== "reports"}>
            {reportsOpened && (
              <Suspense fallback={<Loading label="Loading reports…" />}>
                <ReportsView />
              </Suspense>
            )}
          </div>
        </ServicesProvider>
      )}
    </FluentProvider>
  );
}
