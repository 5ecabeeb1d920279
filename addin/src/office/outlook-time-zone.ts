import type { Mailbox } from "./mail-item.types";

/**
 * The IANA zone of the user's Outlook time zone, or null where Outlook does not say or names a zone
 * this browser does not know. Outlook gives a Windows name ("Gets the user's time zone in Windows
 * format", Office.UserProfile.timeZone, Mailbox 1.1); CLDR's windowsZones (windows-iana) turns it
 * into the zone of its territory "001". Loaded on demand: the table is not part of the first paint.
 */
export async function outlookTimeZone(mailbox: Mailbox): Promise<string | null> {
  const name = mailbox.userTimeZone?.() ?? null;
  if (!name) return null;
  const { WINDOWS_TO_IANA_MAP } = await import("windows-iana");
  const row = WINDOWS_TO_IANA_MAP.find((entry) => entry.windowsName === name && entry.territory === "001");
  // Some hosts already give an IANA name: it is taken as it is.
  const zone = row ? row.iana[0] : name;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    return null;
  }
}
