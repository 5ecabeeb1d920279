import { FluentProvider, Title3, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { Suspense, lazy, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Me } from "contract";
import type { CrmApi } from "../api/crm-api";
import { PaneLanguageProvider } from "../i18n";
import { CapabilityNotice } from "../features/capabilities";
import { EmailView } from "../features/participants";
import { preloadable } from "../shared/preloadable";
import { takeArrivedPaneStart, takePaneStart } from "./pane-start";
import type { Mailbox } from "../office/mail-item.types";
import type { ThemeMode } from "../office/office-theme";
import { useAsync } from "../shared/use-async";
import { ServicesProvider } from "../shared/services-context";
import { ErrorState, Loading } from "../shared/state-views";
import { OverflowTabList } from "../shared/overflow-tab-list";

const useStyles = makeStyles({
  root: {
    // Fluent gives its portals (tooltips, menus) the provider's classes too: laid out as the pane,
    // a portal would be a page-high sheet over it, catching every click.
    "&:not([data-portal-node])": {
      minHeight: "100%",
      boxSizing: "border-box",
      padding: tokens.spacingHorizontalM,
      display: "flex",
      flexDirection: "column",
      gap: tokens.spacingVerticalM,
    },
    fontFamily: tokens.fontFamilyBase,
    // The pane is narrow: headings sit tight, Fluent's Text does the sizing.
    "& h1, & h2, & h3, & h4, & p": { margin: 0 },
    "& h4": { display: "block", marginTop: tokens.spacingVerticalXS },
    // Fields never make the pane wider than it is: a text box or drop-down takes the width it is
    // given (a native input or select is otherwise as wide as its size or longest option).
    "& .fui-Field, & .fui-Input, & .fui-Select, & .fui-Textarea, & .fui-Combobox, & .fui-Dropdown": {
      minWidth: 0,
      maxWidth: "100%",
    },
    "& .fui-Input__input, & .fui-Select__select, & .fui-Textarea__textarea": { width: "100%", minWidth: 0 },
    // A fieldset is at least as wide as its content unless told otherwise.
    "& fieldset": { minWidth: 0 },
    // Links in notes and comments are the user's HTML: the theme's link colour, readable in dark too.
    "& a": { color: tokens.colorBrandForegroundLink },
  },
  // At Outlook's narrowest pane (320 px) the three views do not fit one line: they wrap, as the record's tabs do.
  tabs: { flexWrap: "wrap" },
});

export interface TaskPaneAppProps {
  api: CrmApi;
  mailbox: Mailbox;
  theme: ThemeMode;
}

type View = "email" | "search" | "reports";

// Reports are for the desk, not for answering an email: their code loads when the tab is first opened.
const ReportsView = lazy(async () => ({ default: (await import("../features/reports/index.js")).ReportsView }));
// The search tab is one click away, not in the first draw: its code is fetched once the pane has drawn.
const search = preloadable(() => import("../features/search/index.js"));
// Waiting log-on-send intents are handed on, and troubled ones shown, once the first draw is done:
// the pane's first download does not carry them.
const waitingIntents = preloadable(() => import("../features/email-log/send-waiting-intents.js"));

/**
 * The task pane: the current email's people and records, or a customer search; in the language of
 * Outlook's UI (German or English) with dates and money formatted for it.
 */
export function TaskPaneApp(props: TaskPaneAppProps) {
  return (
    <PaneLanguageProvider displayLanguage={props.mailbox.displayLanguage?.()}>
      {(language) => <Pane {...props} language={language} />}
    </PaneLanguageProvider>
  );
}

function Pane({ api, mailbox, theme, language }: TaskPaneAppProps & { language: string }) {
  const styles = useStyles();
  const { t } = useTranslation("app");
  const views: { value: View; label: string }[] = [
    { value: "email", label: t("viewEmail") },
    { value: "search", label: t("viewSearch") },
    { value: "reports", label: t("viewReports") },
  ];
  // The sign-in, /api/me and the email's lookup go out together (the boot script sends them before
  // taskpane.js has run; the demo host's pane sends them here). Arrived already: drawn at once.
  const [arrived] = useState(() => takeArrivedPaneStart(api));
  const me = useAsync(
    () => takePaneStart(api, mailbox),
    [api, mailbox],
    arrived ? { known: arrived, refresh: false } : {},
  );
  const searchModule = search.use();
  const waitingModule = waitingIntents.use();
  // The user's own changes (a new default time zone) replace what was loaded at sign-in.
  const [changedMe, setChangedMe] = useState<Me | null>(null);
  const [tab, setTab] = useState<View>("email");
  // Reports load their filters only once opened, then stay mounted like the others.
  const [reportsOpened, setReportsOpened] = useState(false);
  if (tab === "reports" && !reportsOpened) setReportsOpened(true);
  return (
    <FluentProvider
      theme={theme === "dark" ? webDarkTheme : webLightTheme}
      className={styles.root}
      lang={language}
      // What a popup of the pane keeps inside (shared/shortcut-tip.tsx).
      data-pane-root=""
    >
      <Title3 as="h1">{t("title")}</Title3>
      <CapabilityNotice mailbox={mailbox} />
      {me.status === "loading" && <Loading label={t("signingIn")} />}
      {me.status === "error" && <ErrorState error={me.error} onRetry={me.reload} />}
      {me.status === "ready" && (
        <ServicesProvider value={{ api, mailbox, me: changedMe ?? me.data, meChanged: setChangedMe }}>
          {waitingModule && <waitingModule.SendWaitingIntents />}
          <OverflowTabList
            tabs={views}
            selectedValue={tab}
            onSelect={(value) => setTab(value as View)}
            label={t("views")}
          />
          {/* Both stay mounted: switching tabs keeps a search or a half-filled form. */}
          <div hidden={tab !== "email"}>
            <EmailView />
          </div>
          <div hidden={tab !== "search"}>
            {searchModule ? <searchModule.CustomerSearch /> : <Loading label={t("loadingSearch")} />}
          </div>
          <div hidden={tab !== "reports"}>
            {reportsOpened && (
              <Suspense fallback={<Loading label={t("loadingReports")} />}>
                <ReportsView />
              </Suspense>
            )}
          </div>
        </ServicesProvider>
      )}
    </FluentProvider>
  );
}
