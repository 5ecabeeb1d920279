import "../shared/zod-without-eval";
import { createRoot } from "react-dom/client";
import { TaskPaneApp } from "../app/task-pane-app";
import { startPaneEarly } from "../app/pane-start";
import { createCrmApi } from "../api/crm-api";
import { authConfigFromBuild } from "../auth/auth-config";
import { createDevTokenSource } from "../auth/dev-token-source";
import { createMsalTokenSource } from "../auth/msal-token-source";
import { createPaneI18n, loadCatalogs, paneLanguage } from "../i18n";
import { signInWithDialog } from "../office/office-dialog";
import { createOfficeMailbox } from "../office/office-mailbox";
import { officeIfHosted } from "../office/office-ready";
import { officeThemeMode, onOfficeThemeChanged } from "../office/office-theme";
import { markPaneTime } from "../shared/pane-marks";

// The API's origin: same origin as the pane unless the build says otherwise (API_BASE_URL).
const apiBase = process.env.API_BASE_URL ?? "";

async function main() {
  // Where a cold open spends its time (bench:addin prints each mark after office.js was ready).
  markPaneTime("pane-script-run");
  const root = createRoot(document.getElementById("root")!);
  const office = await officeIfHosted();
  if (!office) {
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
  const mailbox = createOfficeMailbox(office);
  const authConfig = authConfigFromBuild();
  const token = authConfig
    ? createMsalTokenSource(
        authConfig,
        () => signInWithDialog(office, new URL("auth-dialog.html", location.href).href),
        mailbox.capabilities().has("nestedAppAuth"),
      )
    : createDevTokenSource(apiBase, () => mailbox.userEmail());
  const api = createCrmApi(apiBase, token);
  // Sign-in, /api/me and the email's lookup go out now, not after React's first render and commit.
  startPaneEarly(api, mailbox);
  const render = (theme: "light" | "dark") => root.render(<TaskPaneApp api={api} mailbox={mailbox} theme={theme} />);
  render(officeThemeMode(office) ?? "light");
  onOfficeThemeChanged(office, render);
}

void main();
