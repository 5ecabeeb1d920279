import { Button, type ButtonProps, Tooltip } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

/** A keyboard shortcut of the pane: Alt+Shift and a letter, which Outlook and browsers leave alone. */
export interface Shortcut {
  /** KeyboardEvent.code, so the shortcut works whatever letter Alt turns the key into (macOS). */
  code: `Key${string}`;
}

export const SHORTCUTS = {
  logEmail: { code: "KeyL" },
  newActivity: { code: "KeyA" },
  addNote: { code: "KeyN" },
} satisfies Record<string, Shortcut>;

/** "Alt+Shift+L", as the tooltip and aria-keyshortcuts say it. */
export const shortcutLabel = (shortcut: Shortcut) => `Alt+Shift+${shortcut.code.slice(3)}`;

/**
 * A button with a keyboard shortcut, said in its tooltip and in aria-keyshortcuts. The shortcut
 * clicks the button only while it is on screen and enabled: a record on a hidden tab, or a
 * disabled button, ignores it.
 */
export function ShortcutButton({ shortcut, tip, ...props }: ButtonProps & { shortcut: Shortcut; tip: string }) {
  const { t } = useTranslation("common");
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || event.code !== shortcut.code) return;
      const button = ref.current;
      // The pane keeps its other views mounted but hidden (a record under "Search customers").
      if (!button || button.disabled || button.closest("[hidden]")) return;
      event.preventDefault();
      button.click();
      button.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [shortcut.code]);
  const keys = shortcutLabel(shortcut);
  return (
    <Tooltip content={t("shortcutTip", { tip, keys })} relationship="description" withArrow>
      <Button {...props} ref={ref} aria-keyshortcuts={keys} />
    </Tooltip>
  );
}
