import { Button, type ButtonProps, useId } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { preloadable } from "./preloadable";

// Fluent's Tooltip (and its positioning) in a chunk of its own, fetched once a shortcut button is
// on screen: the first draw does not wait for it, and by the first hover it is there.
const tooltip = preloadable(() => import("./shortcut-tip.js"));
// Fluent Tooltip's own delays: shown after a short rest on the button, hidden a moment after leaving.
const SHOW_DELAY_MS = 250;
const HIDE_DELAY_MS = 250;

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
  // The button element as state too: the tooltip is placed at it and its listeners are added to it.
  const [button, setButton] = useState<HTMLElement | null>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || event.code !== shortcut.code) return;
      // The pane keeps its other views mounted but hidden (a record under "Search customers").
      if (!button || button.matches(":disabled") || button.closest("[hidden]")) return;
      event.preventDefault();
      button.click();
      button.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [shortcut.code, button]);
  const [wanted, setWanted] = useTipVisibility(button);
  const loaded = tooltip.use();
  const keys = shortcutLabel(shortcut);
  const content = t("shortcutTip", { tip, keys });
  const descriptionId = useId("shortcut-tip-");
  return (
    <>
      <Button {...props} ref={setButton} aria-keyshortcuts={keys} aria-describedby={descriptionId} />
      {/* What a screen reader says after the button's name, there before the tooltip's code is. */}
      <span id={descriptionId} hidden>
        {content}
      </span>
      {loaded && button && (
        <loaded.ShortcutTip target={button} content={content} visible={wanted} onHide={() => setWanted(false, 0)} />
      )}
    </>
  );
}

/**
 * Whether the button's tooltip is wanted: after a short rest of the pointer or focus on it (a pointer
 * passing over shows nothing), gone a moment after the pointer leaves and at once when focus does.
 */
function useTipVisibility(button: HTMLElement | null): [boolean, (wanted: boolean, afterMs: number) => void] {
  const [wanted, setWantedNow] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const setWanted = useCallback((next: boolean, afterMs: number) => {
    clearTimeout(timer.current);
    if (afterMs === 0) setWantedNow(next);
    else timer.current = setTimeout(() => setWantedNow(next), afterMs);
  }, []);
  useEffect(() => {
    if (!button) return;
    const listeners: [string, () => void][] = [
      ["pointerenter", () => setWanted(true, SHOW_DELAY_MS)],
      ["focus", () => setWanted(true, SHOW_DELAY_MS)],
      ["pointerleave", () => setWanted(false, HIDE_DELAY_MS)],
      ["blur", () => setWanted(false, 0)],
    ];
    for (const [type, listener] of listeners) button.addEventListener(type, listener);
    return () => {
      for (const [type, listener] of listeners) button.removeEventListener(type, listener);
      clearTimeout(timer.current);
    };
  }, [button, setWanted]);
  return [wanted, setWanted];
}
