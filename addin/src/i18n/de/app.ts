import type { Catalog } from "../catalog";
import type { app as en } from "../en/app";

export const app: Catalog<typeof en> = {
  title: "CRM",
  signingIn: "Anmeldung läuft…",
  views: "Ansichten",
  viewEmail: "Diese E-Mail",
  viewSearch: "Kunden suchen",
  viewReports: "Berichte",
  outsideOffice:
    "Dies ist der Aufgabenbereich für Outlook. Öffnen Sie ihn in Outlook, oder probieren Sie ihn im Demo-Host aus:",
  outsideOfficeDemo: "Demo-Host öffnen",
  loadingReports: "Berichte werden geladen…",
  loadingSearch: "Suche wird geladen…",
  capabilities: {
    label: "Was dieses Outlook nicht kann",
    one: "Dieses Outlook kann nicht: {{feature}} (dafür ist ein neueres Outlook nötig).",
    several: "Dieses Outlook kann nicht:",
    severalEnd: "Dafür ist ein neueres Outlook nötig.",
    oneMobile: "Outlook auf Smartphone oder Tablet kann nicht: {{feature}} (Outlook am Computer oder im Web kann es).",
    severalMobile: "Outlook auf Smartphone oder Tablet kann nicht:",
    severalEndMobile: "Outlook am Computer oder im Web kann es.",
    dismiss: "Ausblenden",
    attachments: "Anhänge mit einer protokollierten E-Mail ablegen",
    logOnSend: "eine E-Mail beim Senden protokollieren",
    sharedFolders: "das CRM in freigegebenen Postfächern oder den Ordnern einer Stellvertretung öffnen",
    sharedMailbox: "das CRM in freigegebenen Postfächern öffnen",
    sharedMailboxAndMultiSelect:
      "das CRM in freigegebenen Postfächern öffnen oder mehrere ausgewählte E-Mails auf einmal protokollieren",
    multiSelect: "mehrere ausgewählte E-Mails auf einmal protokollieren",
  },
};
