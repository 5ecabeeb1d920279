import type { Catalog } from "../catalog";
import type { comments as en } from "../en/comments";

export const comments: Catalog<typeof en> = {
  section: "Kommentare",
  heading: "Kommentare",
  add: "Kommentar hinzufügen",
  newForm: "Neuer Kommentar",
  empty: "Keine Kommentare.",
  pinnedComment: "Angehefteter Kommentar",
  comment: "Kommentar",
  editForm: "Kommentar bearbeiten",
  pinned: "Angeheftet",
  edit: "Bearbeiten",
  pin: "Anheften",
  unpin: "Lösen",
  delete: "Löschen",
  deleteAsk: "Diesen Kommentar löschen?",
  deleteComment: "Kommentar löschen",
  keep: "Behalten",
  field: "Kommentar",
  hint: "Reiner Text, bis zu {{max}} Zeichen.",
  pinToTop: "Oben anheften",
  save: "Kommentar speichern",
};
