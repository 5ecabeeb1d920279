import type { Attachment } from "contract";
import type { TFunction } from "i18next";

type Kind = "pdf" | "image" | "csv" | "text" | "word" | "excel" | "powerpoint" | "email" | "zip";

const KIND: [RegExp, Kind][] = [
  [/pdf$/, "pdf"],
  [/^image\//, "image"],
  [/^text\/csv$/, "csv"],
  [/^text\//, "text"],
  [/wordprocessingml|msword/, "word"],
  [/spreadsheetml|ms-excel/, "excel"],
  [/presentationml|ms-powerpoint/, "powerpoint"],
  [/ms-outlook|rfc822/, "email"],
  [/zip/, "zip"],
];

/** What a person calls the file's type (the files catalog's kinds); the content type when none fits. */
export function kindOf(contentType: string, t: TFunction<"files">): string {
  const kind = KIND.find(([pattern]) => pattern.test(contentType))?.[1];
  return kind ? t(`kinds.${kind}`) : contentType;
}

/** Where the file hangs: "On e-mail “Signed offer”". */
export function whereOf(attachment: Attachment, t: TFunction<"files">): string {
  return attachment.on.kind === "customer"
    ? t("on.customer")
    : t(`on.${attachment.on.kind}`, { label: attachment.on.label });
}
