/// <reference types="office-js" />
import { hostCapabilities } from "./host-capabilities";

export type ThemeMode = "light" | "dark";

/** Office's body background decides: a dark background means the dark theme. */
export function officeThemeMode(office: typeof Office | undefined): ThemeMode | null {
  const background = office?.context?.officeTheme?.bodyBackgroundColor;
  if (!background) return null;
  return isDark(background) ? "dark" : "light";
}

/** Follows Office's theme while the pane is open (Mailbox 1.14: not every client sends the event). */
export function onOfficeThemeChanged(office: typeof Office | undefined, listener: (mode: ThemeMode) => void) {
  const mailbox = office?.context?.mailbox;
  const eventType = office?.EventType?.OfficeThemeChanged;
  if (!mailbox?.addHandlerAsync || !eventType || !hostCapabilities(office).has("themeChanged")) return () => undefined;
  try {
    mailbox.addHandlerAsync(eventType, (event: { officeTheme?: Office.OfficeTheme }) => {
      const background = event.officeTheme?.bodyBackgroundColor;
      if (background) listener(isDark(background) ? "dark" : "light");
    });
  } catch {
    // Older clients: the theme stays what it was at start.
  }
  return () => undefined;
}

export function isDark(hexColor: string): boolean {
  const hex = hexColor.replace("#", "");
  if (!/^[0-9a-f]{6}$/i.test(hex)) return false;
  const [r, g, b] = [0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}
