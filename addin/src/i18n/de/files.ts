import type { Catalog } from "../catalog";
import type { files as en } from "../en/files";

export const files: Catalog<typeof en> = {
  heading: "Dateien",
  headingCount: "Dateien ({{count}})",
  attachTo: "Ablegen bei",
  upload: "Dateien hochladen",
  allowed: "PDF, Bilder, Text und CSV, Office-Dokumente, E-Mails und ZIP, jeweils bis 10 MiB.",
  uploading: "Wird hochgeladen…",
  loading: "Dateien werden geladen…",
  empty: "Noch keine Dateien bei diesem Kunden.",
  list: "Dateien",
  download: "{{name}} herunterladen",
  deleteForGood: "{{name}} endgültig löschen",
  keepIt: "Behalten",
  deleteWhat: "{{name}} löschen",
  delete: "Löschen",
  fileProblem: "{{name}}: {{message}}",
  targets: {
    customer: "Der Kunde",
    activity: "Aktivität: {{subject}}",
    note: "Notiz: {{text}}",
    noText: "(kein Text)",
  },
  kinds: {
    pdf: "PDF",
    image: "Bild",
    csv: "CSV",
    text: "Text",
    word: "Word",
    excel: "Excel",
    powerpoint: "PowerPoint",
    email: "E-Mail",
    zip: "ZIP",
  },
  on: {
    customer: "Beim Kunden",
    activity: "Bei Aktivität „{{label}}“",
    note: "Bei Notiz „{{label}}“",
    email: "Bei E-Mail „{{label}}“",
  },
};
