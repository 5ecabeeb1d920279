import type { DownloadedFile } from "../../api/report-calls";

/**
 * Hands a downloaded file to the browser as if a link to it had been clicked. The file was fetched
 * with the bearer token (a plain link cannot carry one); the blob URL is released right after.
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
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
