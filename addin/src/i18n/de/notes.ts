import type { Catalog } from "../catalog";
import type { notes as en } from "../en/notes";

export const notes: Catalog<typeof en> = {
  heading: "Notizen",
  empty: "Noch keine Notizen.",
  list: "Notizen",
  noteBy: "Notiz von {{name}}",
  edited: " · bearbeitet",
  editNoteBy: "Notiz von {{name}} bearbeiten",
  edit: "Bearbeiten",
  deleteWhat: "Notiz von {{name}}",
  editForm: "Notiz bearbeiten",
  newForm: "Neue Notiz",
  note: "Notiz",
  hint: "Webadressen werden zu Links.",
  save: "Notiz speichern",
};
