import { useState } from "react";
import type { Attachment } from "contract";
import { useServices } from "../../shared/services-context";
import { saveFile } from "../../shared/save-file";

/** Downloads a file of the record under its own name, keeping what went wrong for the tab to show. */
export function useDownload() {
  const { api } = useServices();
  const [error, setError] = useState<unknown>(null);
  const download = async (attachment: Attachment) => {
    setError(null);
    try {
      saveFile({ blob: await api.downloadAttachment(attachment.id), fileName: attachment.fileName });
    } catch (caught) {
      setError(caught);
    }
  };
  return { download, error };
}
