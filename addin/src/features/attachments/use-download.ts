import { useState } from "react";
import type { Attachment } from "../../../../contract";
import { useServices } from "../../app/services-context";

/**
 * Downloads go through fetch with the bearer token (a plain link would carry none), then a
 * short-lived blob link saves the file under its name.
 */
export function useDownload() {
  const { api } = useServices();
  const [error, setError] = useState<unknown>(null);
  const download = async (attachment: Attachment) => {
    setError(null);
    try {
      const blob = await api.downloadAttachment(attachment.id);
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = attachment.fileName;
      document.body.append(link);
      link.click();
      link.remove();
      // Revoked after the click has been handled: revoking at once can cancel the save in some browsers.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (caught) {
      setError(caught);
    }
  };
  return { download, error };
}
