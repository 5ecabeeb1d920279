/** Notes on a customer (features/notes): the list, a new note, editing one. */
export const notes = {
  heading: "Notes",
  empty: "No notes yet.",
  noteBy: "Note by {{name}}",
  edited: "edited",
  editNoteBy: "Edit note by {{name}}",
  deleteWhat: "note by {{name}}",
  newNote: "New note",
  editNote: "Edit note",
  note: "Note",
  linksHint: "Web addresses become links.",
  save: "Save note",
};
