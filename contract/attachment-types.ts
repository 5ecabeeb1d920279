// Which files the CRM keeps, and how their first bytes prove what they claim to be. Pure, shared by
// the service (which decides), the pane (which picks a type for a file the browser could not name)
// and the pane's test fake (which must follow the service's rules).

/** 10 MiB per file: enough for offers and scans, small enough to keep in the database. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_MAX_LABEL = "10 MiB";

type Signature = "pdf" | "png" | "jpeg" | "gif" | "webp" | "zip" | "ole" | "text" | "eml";

const OOXML = "application/vnd.openxmlformats-officedocument";
/** Declared type → what its bytes must look like. Anything not listed is refused. */
const ALLOWED: Record<string, Signature> = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpeg",
  "image/gif": "gif",
  "image/webp": "webp",
  "text/plain": "text",
  "text/csv": "text",
  [`${OOXML}.wordprocessingml.document`]: "zip",
  [`${OOXML}.spreadsheetml.sheet`]: "zip",
  [`${OOXML}.presentationml.presentation`]: "zip",
  "application/zip": "zip",
  "application/x-zip-compressed": "zip",
  "application/msword": "ole",
  "application/vnd.ms-excel": "ole",
  "application/vnd.ms-powerpoint": "ole",
  "application/vnd.ms-outlook": "ole",
  "message/rfc822": "eml",
};

const BY_EXTENSION: Record<string, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  txt: "text/plain",
  csv: "text/csv",
  docx: `${OOXML}.wordprocessingml.document`,
  xlsx: `${OOXML}.spreadsheetml.sheet`,
  pptx: `${OOXML}.presentationml.presentation`,
  zip: "application/zip",
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  ppt: "application/vnd.ms-powerpoint",
  msg: "application/vnd.ms-outlook",
  eml: "message/rfc822",
};

export const ALLOWED_ATTACHMENT_TYPES = Object.keys(ALLOWED);
/** For a file input's accept attribute. */
export const ALLOWED_ATTACHMENT_EXTENSIONS = Object.keys(BY_EXTENSION).map((extension) => `.${extension}`);

/** "Application/PDF; charset=x" → "application/pdf". */
export function normalizeContentType(declared: string | null | undefined): string {
  return (declared ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * The type to declare for a file: the browser's or Outlook's when it is one we keep, otherwise the
 * one its extension names (browsers leave .msg and .eml untyped, Outlook often says octet-stream).
 */
export function attachmentTypeFor(fileName: string, reported: string | null | undefined): string {
  const type = normalizeContentType(reported);
  if (ALLOWED[type]) return type;
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  return BY_EXTENSION[extension] ?? (type || "application/octet-stream");
}

/** The refusals a person sees, the same from the service and its fakes. */
export const attachmentRefusal = {
  empty: (fileName: string) => `${fileName} is empty`,
  tooLarge: (fileName: string) => `${fileName} is larger than ${ATTACHMENT_MAX_LABEL}, the limit per file`,
  notAllowed: (fileName: string, declared: string) =>
    `${fileName}: the type ${declared || "(none)"} is not accepted; allowed are PDF, images, text, CSV, Office documents, e-mails and ZIP`,
  mismatch: (fileName: string, declared: string) => `${fileName}: the content is not ${declared}, as it was declared`,
};

export type ContentCheck = { ok: true; contentType: string } | { ok: false; reason: "not-allowed" | "mismatch" };

/** Whether bytes declared as `declared` are allowed and really are what they claim. */
export function checkAttachmentContent(declared: string | null | undefined, bytes: Uint8Array): ContentCheck {
  const contentType = normalizeContentType(declared);
  const signature = ALLOWED[contentType];
  if (!signature) return { ok: false, reason: "not-allowed" };
  return SIGNATURES[signature](bytes) ? { ok: true, contentType } : { ok: false, reason: "mismatch" };
}

const startsWith = (bytes: Uint8Array, prefix: number[] | string, at = 0) => {
  const expected = typeof prefix === "string" ? [...prefix].map((char) => char.charCodeAt(0)) : prefix;
  return bytes.length >= at + expected.length && expected.every((byte, index) => bytes[at + index] === byte);
};

const SNIFF = 8192;
/**
 * Text in any 8-bit encoding or UTF-8: no NUL and no control characters but tab, line breaks and
 * form feed in the first 8 KiB. Executables and other binaries fail at once (MZ is followed by NULs).
 */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, SNIFF);
  for (const byte of head)
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) return false;
  return !startsWith(bytes, "MZ");
}

/** A message starts with a header line ("Received: …", "From: …"). */
function looksLikeEml(bytes: Uint8Array): boolean {
  if (!looksLikeText(bytes)) return false;
  const firstLine = new TextDecoder("latin1").decode(bytes.subarray(0, 1000)).split(/\r?\n/)[0] ?? "";
  return /^[\x21-\x39\x3b-\x7e]+:/.test(firstLine);
}

const SIGNATURES: Record<Signature, (bytes: Uint8Array) => boolean> = {
  pdf: (bytes) => startsWith(bytes, "%PDF-"),
  png: (bytes) => startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  jpeg: (bytes) => startsWith(bytes, [0xff, 0xd8, 0xff]),
  gif: (bytes) => startsWith(bytes, "GIF87a") || startsWith(bytes, "GIF89a"),
  webp: (bytes) => startsWith(bytes, "RIFF") && startsWith(bytes, "WEBP", 8),
  // A ZIP starts with a local file header, or is empty (end of central directory only).
  zip: (bytes) => startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]),
  ole: (bytes) => startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  text: looksLikeText,
  eml: looksLikeEml,
};

const FILE_NAME_MAX = 200;
/**
 * A name safe to store and to offer for download: no folders (either slash), no control or
 * reserved characters, no direction controls (U+202E turns "invoice\u202Efdp.exe" into what reads as
 * "invoiceexe.pdf"), no leading dots, at most 200 characters with the extension kept.
 * Empty when nothing usable is left.
 */
export function sanitizeFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const name = base
    .normalize("NFC")
    // Control characters are exactly what must go.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*]/g, "")
    .replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "")
    .trim();
  return limitLength(name);
}

function limitLength(name: string): string {
  if ([...name].length <= FILE_NAME_MAX) return name;
  const extension = /\.[^.\s]{1,10}$/.exec(name)?.[0] ?? "";
  return (
    [...name]
      .slice(0, FILE_NAME_MAX - extension.length)
      .join("")
      .trimEnd() + extension
  );
}

/** The extensions a type is kept under, its usual one first: image/jpeg → ["jpg", "jpeg"]. */
function extensionsOf(contentType: string): string[] {
  const type = contentType === "application/x-zip-compressed" ? "application/zip" : contentType;
  return Object.keys(BY_EXTENSION).filter((extension) => BY_EXTENSION[extension] === type);
}

/**
 * The name a file is stored under once its type is known: its extension is one of that type's, so
 * what the pane, Windows or a mail client opens it with is what it was checked as. invoice.html
 * accepted as text/plain becomes invoice.txt, setup.exe accepted as a PDF setup.pdf; an ending that
 * is no extension (a version's "1.2") is kept and the type's extension added. Expects a sanitised name.
 */
export function fileNameForType(fileName: string, contentType: string): string {
  const extensions = extensionsOf(normalizeContentType(contentType));
  if (extensions.length === 0) return fileName;
  const ending = /\.([^.\s]{1,10})$/.exec(fileName);
  if (ending && extensions.includes(ending[1]!.toLowerCase())) return fileName;
  const stem = ending && /[a-z]/i.test(ending[1]!) ? fileName.slice(0, ending.index).trimEnd() : fileName;
  return limitLength(`${stem || "file"}.${extensions[0]}`);
}
