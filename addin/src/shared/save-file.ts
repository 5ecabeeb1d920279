import type { DownloadedFile } from "../api/report-calls";

/**
 * Hands a downloaded file to the browser as if a link to it had been clicked. The file was fetched
 * with the bearer token (a plain link cannot carry one).
 */
export function saveFile({ blob, fileName }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled: revoking at once can cancel the save in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
