import type { TFunction } from "i18next";
import type { Attachment } from "contract";
import type { attachments } from "../../i18n/en/attachments";

type Kind = keyof (typeof attachments)["kinds"];

const KIND: [RegExp, Kind][] = [
  [/pdf$/, "pdf"],
  [/^image\//, "image"],
  [/^text\/csv$/, "csv"],
  [/^text\//, "text"],
  [/wordprocessingml|msword/, "word"],
  [/spreadsheetml|ms-excel/, "excel"],
  [/presentationml|ms-powerpoint/, "powerPoint"],
  [/ms-outlook|rfc822/, "email"],
  [/zip/, "zip"],
];

/** What a person calls the file's type, in the pane's language (the content type if none fits). */
export function kindOf(contentType: string, t: TFunction<"attachments">): string {
  const kind = KIND.find(([pattern]) => pattern.test(contentType))?.[1];
  return kind ? t(`kinds.${kind}`) : contentType;
}

/** Where the file hangs: "On e-mail “Signed offer”". */
export function whereOf(attachment: Attachment, t: TFunction<"attachments">): string {
  const label = attachment.on.label;
  switch (attachment.on.kind) {
    case "customer":
      return t("onCustomer");
    case "activity":
      return t("onActivity", { label });
    case "note":
      return t("onNote", { label });
    case "email":
      return t("onEmail", { label });
  }
}
