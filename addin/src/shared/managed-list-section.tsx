import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { type ReactNode, useState } from "react";
import { useErrorMessage } from "./error-message";
import { useLayoutStyles } from "./layout-styles";
import { EmptyState } from "./state-views";
import { useItemEditing } from "./use-item-editing";
import type { SubRecordFormProps } from "./sub-record-section";

/**
 * A customer's list that everyone sees and only some may change (special prices, cross-references):
 * for them "Add" above the list, the one open form above it too, and each item's buttons; a delete
 * needs no confirmation (such an item is quickly entered again) and a failed one says why above the
 * list. The record is reloaded after every change.
 */
export function ManagedListSection<T extends { id: string }>({
  title,
  items,
  empty,
  canChange,
  addLabel,
  form,
  itemLabel,
  children,
  editLabel,
  deleteLabel,
  remove,
  onChanged,
}: {
  /** The heading, and the section's accessible name. */
  title: string;
  items: T[];
  /** What an empty list says. */
  empty: string;
  /** The service's rule for this list, as the caller's permissions say it. */
  canChange: boolean;
  addLabel: string;
  form: (props: SubRecordFormProps<T>) => ReactNode;
  /** The item's accessible name. */
  itemLabel: (item: T) => string;
  /** The item's lines. */
  children: (item: T) => ReactNode;
  /** The Edit button's text; no Edit button without it (the item is replaced, not changed). */
  editLabel?: (item: T) => string;
  deleteLabel: (item: T) => string;
  remove: (item: T) => Promise<void>;
  onChanged: () => void;
}) {
  const layout = useLayoutStyles();
  const errorMessage = useErrorMessage();
  const editing = useItemEditing<T>(onChanged);
  const [error, setError] = useState<unknown>(null);
  const removeItem = async (item: T) => {
    setError(null);
    try {
      await remove(item);
      onChanged();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section className={layout.form} aria-label={title}>
      <Text as="h3" weight="semibold" size={400}>
        {title}
      </Text>
      {canChange && editing.open === undefined && (
        <div className={layout.buttons}>
          <Button onClick={editing.startNew}>{addLabel}</Button>
        </div>
      )}
      {editing.open !== undefined && form({ existing: editing.open, onSaved: editing.saved, onCancel: editing.cancel })}
      {error !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{errorMessage(error)}</MessageBarBody>
        </MessageBar>
      )}
      {items.length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <ul className={layout.list}>
          {items.map((item) => (
            <li key={item.id} className={layout.item} aria-label={itemLabel(item)}>
              {children(item)}
              {canChange && (
                <div className={layout.buttons}>
                  {editLabel && (
                    <Button size="small" onClick={() => editing.startEdit(item)}>
                      {editLabel(item)}
                    </Button>
                  )}
                  <Button size="small" onClick={() => removeItem(item)}>
                    {deleteLabel(item)}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
