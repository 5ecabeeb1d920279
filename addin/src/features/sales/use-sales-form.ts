import { type FormEvent, useState } from "react";
import { useSave } from "./use-save";

/**
 * The state every sales form has: text values by request field, the save with its errors, and
 * `field(name)` giving a field component its value, change handler and the service's message.
 */
export function useSalesForm<K extends string>(
  fields: readonly K[],
  start: () => Record<K, string>,
  reload: () => void,
  aliases?: Partial<Record<string, K>>,
) {
  const [initial] = useState(start);
  const [values, setValues] = useState(initial);
  const save = useSave(fields, reload, aliases);
  const field = (name: K) => ({
    name,
    errors: save.fieldErrors,
    value: values[name],
    onChange: (value: string) => setValues((current) => ({ ...current, [name]: value })),
  });
  /** A submit handler: runs the request, then `onSaved` when it went through. */
  const submitWith = (request: () => Promise<unknown>, onSaved: () => void) => async (event: FormEvent) => {
    event.preventDefault();
    if (await save.run(request)) onSaved();
  };
  return { initial, values, save, field, submitWith };
}
