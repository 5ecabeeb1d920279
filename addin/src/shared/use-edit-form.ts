import { type FormEvent, useState } from "react";
import { byFirstSegment, useFormSave } from "./use-form-save";

/**
 * The state every form that creates or changes one record has: text values by request field, the
 * save with its errors, and `field(name)` giving a field component (form-fields.tsx) its value,
 * change handler and the service's message. `onConflict` is useFormSave's: a 409 reloads through it.
 */
export function useEditForm<K extends string>(
  fields: readonly K[],
  start: () => Record<K, string>,
  onConflict?: () => void,
  aliases?: Partial<Record<string, K>>,
) {
  const [initial] = useState(start);
  const [values, setValues] = useState(initial);
  const save = useFormSave(byFirstSegment(fields, aliases), onConflict);
  const field = (name: K) => ({
    name,
    errors: save.fieldErrors,
    value: values[name],
    onChange: (value: string) => setValues((current) => ({ ...current, [name]: value })),
  });
  /**
   * A submit handler: creates from all values, or (with `update`, for an existing item) sends only
   * what the user changed; then `onSaved` when it went through.
   */
  const submitWith =
    <B extends Record<string, unknown>>(
      bodyOf: (values: Record<K, string>) => B,
      requests: { create: (body: B) => Promise<unknown>; update?: ((changes: Partial<B>) => Promise<unknown>) | null },
      onSaved: () => void,
    ) =>
    async (event: FormEvent) => {
      event.preventDefault();
      const { create, update } = requests;
      const request = update
        ? () => update(changedFields(bodyOf(initial), bodyOf(values)))
        : () => create(bodyOf(values));
      if (await save.run(request)) onSaved();
    };
  return { initial, values, save, field, submitWith };
}

/** Only what the user changed, so an update does not overwrite a colleague's other edits. */
export function changedFields<T extends Record<string, unknown>>(initial: T, current: T): Partial<T> {
  return Object.fromEntries(Object.entries(current).filter(([key, value]) => value !== initial[key])) as Partial<T>;
}
