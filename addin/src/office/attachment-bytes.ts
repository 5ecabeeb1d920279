import type { MailAttachment, MailAttachmentContent } from "./mail-item.types";
import { MailboxError } from "./mail-item.types";

/** What a host hands out for an attachment (office.js's AttachmentContent, by value). */
export interface HostAttachmentContent {
  format: string;
  content: string;
}

function bytesFromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64.replace(/\s+/g, ""));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/**
 * A file's Base64 as its bytes, an attached message's EML text as an .eml file. Links (cloud files)
 * and calendar items have no file to keep and are refused by name.
 */
export function attachmentContentFrom(
  attachment: MailAttachment,
  content: HostAttachmentContent,
): MailAttachmentContent {
  switch (content.format) {
    case "base64":
      return {
        fileName: attachment.name,
        contentType: attachment.contentType,
        bytes: bytesFromBase64(content.content),
      };
    case "eml":
      return {
        fileName: /\.eml$/i.test(attachment.name) ? attachment.name : `${attachment.name || "message"}.eml`,
        contentType: "message/rfc822",
        bytes: new TextEncoder().encode(content.content),
      };
    case "url":
      throw new MailboxError(
        "not-available",
        `${attachment.name} is a link to a cloud file, not a file in the message`,
      );
    default:
      throw new MailboxError("not-available", `${attachment.name} is a calendar item, which cannot be kept as a file`);
  }
}
