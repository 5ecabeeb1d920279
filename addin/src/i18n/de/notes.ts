import type { Catalog } from "../catalog";
import type { notes as en } from "../en/notes";

export const notes: Catalog<typeof en> = {
  heading: "Notizen",
  empty: "Noch keine Notizen.",
  noteBy: "Notiz von {{name}}",
  edited: "bearbeitet",
  editNoteBy: "Notiz von {{name}} bearbeiten",
  deleteWhat: "Notiz von {{name}}",
  newNote: "Neue Notiz",
  editNote: "Notiz bearbeiten",
  note: "Notiz",
  linksHint: "Webadressen werden zu Links.",
  save: "Notiz speichern",
};
