import { useTranslation } from "react-i18next";
import { Button, Caption1, Field, Text, Textarea, makeStyles } from "@fluentui/react-components";
import { useFormat } from "../../i18n";
import { type FormEvent, useState } from "react";
import type { Note } from "contract";
import { DeleteButton } from "../../shared/delete-button";
import { FormFooter } from "../../shared/form-footer";
import { may } from "../../shared/may";
import { useServices } from "../../shared/services-context";
import { EmptyState } from "../../shared/state-views";
import { SafeHtml, textToNoteHtml } from "../../shared/safe-html";
import { byFirstSegment, useFormSave } from "../../shared/use-form-save";
import { useLayoutStyles } from "../../shared/layout-styles";

const useStyles = makeStyles({
  body: { "& p": { margin: 0 }, overflowWrap: "anywhere" },
});

/** The latest notes; their authors, managers and admins (notes:change) edit and delete them here. */
export function NotesSection({ notes, onChanged }: { notes: Note[]; onChanged?: () => void }) {
  const format = useFormat();
  const { t } = useTranslation("notes");
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { api, me } = useServices();
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section aria-labelledby="notes-heading">
      <Text id="notes-heading" as="h3" weight="semibold" size={400}>
        {t("heading")}
      </Text>
      {notes.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className={layout.list} aria-label={t("list")}>
          {notes.map((note) => {
            const changeable = !!onChanged && may(me, "notes:change", { ownerId: note.author.id });
            return (
              <li key={note.id} aria-label={t("noteBy", { name: note.author.name })}>
                {editing === note.id ? (
                  <EditNoteForm
                    note={note}
                    onDone={(saved) => {
                      setEditing(null);
                      if (saved) onChanged?.();
                    }}
                    onReload={() => onChanged?.()}
                  />
                ) : (
                  <>
                    <SafeHtml html={note.bodyHtml} className={styles.body} />
                    <Caption1>
                      {note.author.name} · {format.dateTime(note.createdAt, me.timeZone)}
                      {note.modifiedAt !== note.createdAt && t("edited")}
                    </Caption1>
                    {changeable && (
                      <div className={layout.buttons}>
                        <Button
                          size="small"
                          aria-label={t("editNoteBy", { name: note.author.name })}
                          onClick={() => setEditing(note.id)}
                        >
                          {t("edit")}
                        </Button>
                        <DeleteButton
                          what={t("deleteWhat", { name: note.author.name })}
                          onDelete={async () => {
                            await api.deleteNote(note.id);
                            onChanged?.();
                          }}
                        />
                      </div>
                    )}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** The note as text; saving writes it back with web addresses as links, as a new note does. */
function EditNoteForm({
  note,
  onDone,
  onReload,
}: {
  note: Note;
  onDone: (saved: boolean) => void;
  onReload: () => void;
}) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("notes");
  const { api } = useServices();
  const [text, setText] = useState(note.bodyText);
  const save = useFormSave(byFirstSegment(["bodyHtml"]), onReload);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await save.run(() => api.updateNote(note.id, { version: note.version, bodyHtml: textToNoteHtml(text) })))
      onDone(true);
  };
  return (
    <form className={layout.form} onSubmit={submit} aria-label={t("editForm")} noValidate>
      <Field
        label={t("note")}
        required
        hint={t("hint")}
        validationState={save.fieldErrors.bodyHtml ? "error" : "none"}
        validationMessage={save.fieldErrors.bodyHtml}
      >
        <Textarea value={text} onChange={(_event, data) => setText(data.value)} rows={4} resize="vertical" />
      </Field>
      <FormFooter message={save.message} saving={save.saving} submitLabel={t("save")} onCancel={() => onDone(false)} />
    </form>
  );
}
