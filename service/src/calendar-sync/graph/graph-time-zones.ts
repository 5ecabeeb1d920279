import { WINDOWS_TO_IANA_MAP, findIanaAliases, findWindows } from "windows-iana";

// Graph's dateTimeTimeZone.timeZone takes "any of the time zones currently supported by Windows"
// and a short list of other (IANA) names, and create or update "might not support all" of them
// (https://learn.microsoft.com/graph/api/resources/datetimetimezone). So the CRM never sends an
// IANA name: it sends the Windows zone CLDR's windowsZones maps it to (windows-iana, generated
// from CLDR), and reads whatever comes back (Windows, IANA or one of Outlook's tzone:// names).

/** Each Windows zone's representative IANA zone: CLDR's territory "001" row. */
const REPRESENTATIVE = new Map<string, string>();
for (const row of WINDOWS_TO_IANA_MAP)
  if (row.territory === "001" && !REPRESENTATIVE.has(row.windowsName))
    REPRESENTATIVE.set(row.windowsName, row.iana[0]!);

/** Every Windows zone name CLDR knows (Windows' own registry of zones). */
export const WINDOWS_ZONE_NAMES: ReadonlySet<string> = new Set(REPRESENTATIVE.keys());

const UTC_NAMES = new Set(["UTC", "Etc/UTC", "Etc/GMT", "GMT", "Coordinated Universal Time", "tzone://Microsoft/Utc"]);

const validIana = (zone: string) => {
  try {
    return new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
};

const windowsCache = new Map<string, string | null>();

/**
 * The Windows zone for an IANA zone (aliases too: Europe/Kyiv is CLDR's Europe/Kiev), or null for
 * a zone CLDR does not map. UTC stays "UTC", which is a Windows zone name as well.
 */
export function windowsZoneOf(ianaZone: string): string | null {
  if (UTC_NAMES.has(ianaZone)) return "UTC";
  if (WINDOWS_ZONE_NAMES.has(ianaZone)) return ianaZone;
  const cached = windowsCache.get(ianaZone);
  if (cached !== undefined) return cached;
  const candidates = [ianaZone, validIana(ianaZone), ...findIanaAliases(ianaZone)].filter(
    (zone): zone is string => !!zone,
  );
  let found: string | null = null;
  for (const zone of candidates) {
    found = findWindows(zone)[0] ?? null;
    if (found) break;
  }
  windowsCache.set(ianaZone, found);
  return found;
}

/**
 * The IANA zone that reads a zone name Graph answered with, or null when the name alone says
 * nothing (a legacy custom zone, "tzone://Microsoft/Custom", or a name no one knows): Windows names
 * through their CLDR representative, IANA names as they are.
 */
export function ianaZoneOf(graphZone: string): string | null {
  if (UTC_NAMES.has(graphZone)) return "UTC";
  const representative = REPRESENTATIVE.get(graphZone);
  if (representative) return representative;
  if (graphZone.startsWith("tzone://")) return null;
  return validIana(graphZone) ? graphZone : null;
}
