import type { Catalog } from "../catalog";
import type { comments as en } from "../en/comments";

export const comments: Catalog<typeof en> = {
  heading: "Kommentare",
  add: "Kommentar hinzufügen",
  newComment: "Neuer Kommentar",
  editComment: "Kommentar bearbeiten",
  empty: "Keine Kommentare.",
  comment: "Kommentar",
  pinnedComment: "Angehefteter Kommentar",
  pinned: "Angeheftet",
  edit: "Bearbeiten",
  pin: "Anheften",
  unpin: "Lösen",
  delete: "Löschen",
  confirmDelete: "Diesen Kommentar löschen?",
  deleteComment: "Kommentar löschen",
  keep: "Behalten",
  hint: "Nur Text, höchstens {{max}} Zeichen.",
  pinToTop: "Oben anheften",
  save: "Kommentar speichern",
};
