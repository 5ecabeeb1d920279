import type { Attachment, AttachmentList, EmailAttachmentKept } from "contract";
import type { SendRequest } from "./send-request";

/** The file to send: its bytes (a File from an input, or bytes read from Outlook), name and type. */
export interface FileToSend {
  fileName: string;
  contentType: string;
  bytes: Blob | Uint8Array<ArrayBuffer>;
}

export type AttachmentParent = "customers" | "activities" | "notes";

/** Files: sent as the raw body (the file's type as Content-Type), read back as a Blob. */
export function createAttachmentsApi(send: SendRequest) {
  const uploadPath = (path: string, file: FileToSend) => `${path}?fileName=${encodeURIComponent(file.fileName)}`;
  const upload = (path: string, file: FileToSend) =>
    send("POST", uploadPath(path, file), { body: file.bytes, contentType: file.contentType });

  return {
    attachments: async (parent: AttachmentParent, id: string) =>
      (await (await send("GET", `/api/${parent}/${encodeURIComponent(id)}/attachments`)).json()) as AttachmentList,
    uploadAttachment: async (parent: AttachmentParent, id: string, file: FileToSend) =>
      (await (await upload(`/api/${parent}/${encodeURIComponent(id)}/attachments`, file)).json()) as Attachment,
    /** Idempotent: the same name and content for the same logged e-mail is kept once. */
    keepEmailAttachment: async (entryId: string, file: FileToSend) =>
      (await (
        await upload(`/api/email-log/${encodeURIComponent(entryId)}/attachments`, file)
      ).json()) as EmailAttachmentKept,
    /** The file's bytes with the bearer token (a plain link could not carry it). */
    downloadAttachment: async (id: string) =>
      (await send("GET", `/api/attachments/${encodeURIComponent(id)}/content`)).blob(),
    deleteAttachment: async (id: string) => {
      await send("DELETE", `/api/attachments/${encodeURIComponent(id)}`);
    },
  };
}
