// The forms the record's buttons open (record-actions.tsx): a chunk of their own, with the fields and
// checks they bring, fetched once the record is drawn (shared/preloadable.ts).
export { ColdCallForm, NewActivityForm } from "../activities";
export { NewNoteForm } from "../notes";
