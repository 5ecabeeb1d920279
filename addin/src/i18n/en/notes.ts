/** Notes on the customer (features/notes). */
export const notes = {
  heading: "Notes",
  empty: "No notes yet.",
  list: "Notes",
  noteBy: "Note by {{name}}",
  edited: " · edited",
  editNoteBy: "Edit note by {{name}}",
  edit: "Edit",
  deleteWhat: "note by {{name}}",
  editForm: "Edit note",
  newForm: "New note",
  note: "Note",
  hint: "Web addresses become links.",
  save: "Save note",
};
