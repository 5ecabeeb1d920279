/// <reference types="office-js" />

/**
 * Resolves with the Office object once office.js says it is ready inside Outlook, or with null
 * when the page runs outside Office (office.js missing, or loaded but no host after a moment).
 */
export async function officeIfHosted(timeoutMs = 3000): Promise<typeof Office | null> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office?.onReady) return null;
  const ready = office.onReady().then((info) => (info.host ? office : null));
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs));
  return Promise.race([ready, timeout]);
}
