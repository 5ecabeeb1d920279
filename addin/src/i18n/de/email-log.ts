import type { Catalog } from "../catalog";
import type { emailLog as en } from "../en/email-log";

export const emailLog: Catalog<typeof en> = {
  section: {
    heading: "E-Mail-Protokoll ({{count}})",
    loading: "Das E-Mail-Protokoll wird geladen…",
    empty: "Noch keine E-Mails protokolliert.",
    list: "Protokollierte E-Mails",
    earlier: "und {{count}} frühere",
  },
  noSubject: "(kein Betreff)",
  logged: "✓ Protokolliert",
  loggedBy: "von {{name}}, {{when}}",
  logTip: "Diese E-Mail im Kundendatensatz ablegen",
  logging: "Wird protokolliert…",
  logThis: "Diese E-Mail protokollieren",
  whenSent: {
    label: "Beim Senden protokollieren",
    byDefault: "E-Mails an bekannte Kunden standardmäßig protokollieren",
  },
  waiting: {
    handedOn_one: "{{count}} gesendete E-Mail wurde zum Protokollieren weitergegeben.",
    handedOn_other: "{{count}} gesendete E-Mails wurden zum Protokollieren weitergegeben.",
    label: "Nicht protokollierte gesendete E-Mails",
    heading: "Gesendete E-Mails, noch nicht protokolliert",
    PENDING: "wartet",
    EXPIRED: "nicht gefunden",
    REJECTED: "abgelehnt",
  },
  track: {
    button: "Diese Unterhaltung verfolgen",
    tracking:
      "Diese Unterhaltung wird für {{customer}} verfolgt: spätere Nachrichten werden protokolliert, auch bei geschlossenem Bereich",
    label: "Verfolgte Unterhaltungen",
    yours: "Unterhaltungen, die Sie verfolgen",
    stop: "Nicht mehr verfolgen",
    stopWhat: "{{subject}} nicht mehr verfolgen",
  },
  attachments: {
    keepCount: "Anhänge ablegen ({{count}})",
    cloud: "Nicht abgelegt, Links auf Cloud-Dateien: {{names}}",
    list: "Anhänge dieser E-Mail",
    kept: "im CRM abgelegt",
    notKeptBecause: "nicht abgelegt. {{message}}",
    keeping: "wird abgelegt…",
    notKept: "nicht abgelegt",
    someNotKept_one: "Ein Anhang wurde nicht abgelegt.",
    someNotKept_other: "{{count}} Anhänge wurden nicht abgelegt.",
  },
};
