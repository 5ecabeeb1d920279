import type { Attachment } from "contract";

const KIND: [RegExp, string][] = [
  [/pdf$/, "PDF"],
  [/^image\//, "Image"],
  [/^text\/csv$/, "CSV"],
  [/^text\//, "Text"],
  [/wordprocessingml|msword/, "Word"],
  [/spreadsheetml|ms-excel/, "Excel"],
  [/presentationml|ms-powerpoint/, "PowerPoint"],
  [/ms-outlook|rfc822/, "E-mail"],
  [/zip/, "ZIP"],
];

/** What a person calls the file's type. */
export function kindOf(contentType: string): string {
  return KIND.find(([pattern]) => pattern.test(contentType))?.[1] ?? contentType;
}

const ON_LABEL: Record<Attachment["on"]["kind"], string> = {
  customer: "On the customer",
  activity: "On activity",
  note: "On note",
  email: "On e-mail",
};

/** Where the file hangs: "On e-mail “Signed offer”". */
export function whereOf(attachment: Attachment): string {
  return attachment.on.kind === "customer"
    ? ON_LABEL.customer
    : `${ON_LABEL[attachment.on.kind]} “${attachment.on.label}”`;
}
