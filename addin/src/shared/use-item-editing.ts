import { useState } from "react";

/**
 * Which item of a customer's list (ship-to addresses, third parties, special prices…) has its form
 * open: none, a new one, or one that exists. One form at a time, so a half-typed change is not
 * left behind in a second one.
 */
export function useItemEditing<T extends { id: string }>(onChanged: () => void) {
  const [editing, setEditing] = useState<T | "new" | null>(null);
  return {
    /** The item being changed, null for a new one; undefined while no form is open. */
    open: editing === "new" ? null : (editing ?? undefined),
    adding: editing === "new",
    isEditing: (item: T) => editing !== "new" && editing?.id === item.id,
    startNew: () => setEditing("new"),
    startEdit: (item: T) => setEditing(item),
    cancel: () => setEditing(null),
    /** The form went through: it closes and the record is reloaded. */
    saved: () => {
      setEditing(null);
      onChanged();
    },
  };
}
