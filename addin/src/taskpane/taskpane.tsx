import "../shared/zod-without-eval";
import { createRoot } from "react-dom/client";
import { TaskPaneApp } from "../app/task-pane-app";
import { createPaneI18n, loadCatalogs, paneLanguage } from "../i18n";
import { officeThemeMode, onOfficeThemeChanged } from "../office/office-theme";
import { markPaneTime } from "../shared/pane-marks";
import { paneStartAnswered } from "../app/pane-start";
import { bootedPane } from "./pane-boot";

const FIRST_RENDER_WAIT_MS = 200;

async function main() {
  // Where a cold open spends its time (bench:addin prints each mark after office.js was ready).
  markPaneTime("pane-script-run");
  const root = createRoot(document.getElementById("root")!);
  // Office, the mailbox and the first requests are the boot script's (pane-boot.ts), under way already.
  const booted = await bootedPane;
  if (!booted) {
    // Outside Office there is no display language: the browser's stands in for it.
    const { language } = paneLanguage(navigator.language);
    const t = createPaneI18n(language, await loadCatalogs(language).catch(() => undefined)).getFixedT(null, "app");
    root.render(
      <p style={{ fontFamily: "sans-serif", padding: 12 }}>
        {t("outsideOffice")} <a href="demo-host.html">{t("outsideOfficeDemo")}</a>
      </p>,
    );
    return;
  }
  const { office, mailbox, api } = booted;
  // The first render waits a moment for the sign-in and the email's record (asked for by the boot
  // script while this script was evaluated), to draw the record rather than a spinner the record
  // replaces right after: on the main thread, the spinner's render would also hold up the answers'
  // last steps. Where they take longer, the spinner after FIRST_RENDER_WAIT_MS.
  await Promise.race([paneStartAnswered(api), new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS))]);
  const render = (theme: "light" | "dark") => root.render(<TaskPaneApp api={api} mailbox={mailbox} theme={theme} />);
  render(officeThemeMode(office) ?? "light");
  onOfficeThemeChanged(office, render);
}

void main();
