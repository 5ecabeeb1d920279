import { Caption1, Text, makeStyles } from "@fluentui/react-components";
import type { Note } from "contract";
import { useServices } from "../../shared/services-context";
import { EmptyState } from "../../shared/state-views";
import { SafeHtml } from "../../shared/safe-html";
import { formatInZone } from "../../shared/zoned-time";
import { useLayoutStyles } from "../../shared/layout-styles";

const useStyles = makeStyles({
  body: { "& p": { margin: 0 }, overflowWrap: "anywhere" },
});

export function NotesSection({ notes }: { notes: Note[] }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { me } = useServices();
  return (
    <section aria-labelledby="notes-heading">
      <Text id="notes-heading" as="h3" weight="semibold" size={400}>
        Notes
      </Text>
      {notes.length === 0 ? (
        <EmptyState>No notes yet.</EmptyState>
      ) : (
        <ul className={layout.list} aria-label="Notes">
          {notes.map((note) => (
            <li key={note.id}>
              <SafeHtml html={note.bodyHtml} className={styles.body} />
              <Caption1>
                {note.author.name} · {formatInZone(note.createdAt, me.timeZone)}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
