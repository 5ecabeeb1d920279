export { NewNoteForm } from "./new-note-form";
export { NotesSection } from "./notes-section";
