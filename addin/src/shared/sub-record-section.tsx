import { Button, Text } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DeleteButton } from "./delete-button";
import { useLayoutStyles } from "./layout-styles";
import { EmptyState } from "./state-views";
import { useItemEditing } from "./use-item-editing";

/** What a sub-record's form gets from its section. */
export interface SubRecordFormProps<T> {
  existing: T | null;
  onSaved: () => void;
  onCancel: () => void;
}

/**
 * A customer's list of small records everyone who may see the customer may change (ship-to
 * addresses, third parties): each with Edit (its form in its place) and Delete (confirmed), and
 * "Add" under the list. The record is reloaded after every change.
 */
export function SubRecordSection<T extends { id: string }>({
  id,
  title,
  items,
  empty,
  nameOf,
  children,
  form,
  addLabel,
  remove,
  onChanged,
}: {
  /** Names the heading, which names the section. */
  id: string;
  /** The heading, and the list's accessible name. */
  title: string;
  items: T[];
  /** What an empty list says. */
  empty: string;
  /** How the item's buttons name it. */
  nameOf: (item: T) => string;
  /** The item's lines. */
  children: (item: T) => ReactNode;
  form: (props: SubRecordFormProps<T>) => ReactNode;
  addLabel: string;
  remove: (item: T) => Promise<void>;
  onChanged: () => void;
}) {
  const { t } = useTranslation("common");
  const layout = useLayoutStyles();
  const editing = useItemEditing<T>(onChanged);
  const formFor = (existing: T | null) => form({ existing, onSaved: editing.saved, onCancel: editing.cancel });

  return (
    <section className={layout.form} aria-labelledby={id}>
      <Text id={id} as="h3" weight="semibold" size={400}>
        {title}
      </Text>
      {items.length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <ul className={layout.list} aria-label={title}>
          {items.map((item) =>
            editing.isEditing(item) ? (
              <li key={item.id}>{formFor(item)}</li>
            ) : (
              <li key={item.id} className={layout.item}>
                {children(item)}
                <div className={layout.buttons}>
                  <Button
                    size="small"
                    aria-label={t("editWhat", { what: nameOf(item) })}
                    onClick={() => editing.startEdit(item)}
                  >
                    {t("edit")}
                  </Button>
                  <DeleteButton
                    what={nameOf(item)}
                    onDelete={async () => {
                      await remove(item);
                      onChanged();
                    }}
                  />
                </div>
              </li>
            ),
          )}
        </ul>
      )}
      {editing.adding ? formFor(null) : <Button onClick={editing.startNew}>{addLabel}</Button>}
    </section>
  );
}
