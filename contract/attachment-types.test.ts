import { attachmentTypeFor, checkAttachmentContent, fileNameForType, sanitizeFileName } from "./attachment-types";

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === "string" ? [...part].map((c) => c.charCodeAt(0)) : part)));
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

describe("checkAttachmentContent", () => {
  it.each([
    ["application/pdf", bytes("%PDF-1.7\n")],
    ["image/png", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])],
    ["image/jpeg", bytes([0xff, 0xd8, 0xff, 0xe0])],
    ["image/gif", bytes("GIF89a")],
    ["image/webp", bytes("RIFF", [1, 2, 3, 4], "WEBPVP8 ")],
    ["text/plain", bytes("Grüße\r\n\tline two")],
    ["text/csv", bytes("name;city\nFabrikam;Berlin\n")],
    [DOCX, bytes("PK", [3, 4, 20, 0])],
    ["application/zip", bytes("PK", [5, 6, 0, 0])],
    ["application/msword", bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])],
    ["message/rfc822", bytes("Received: from mx\r\nSubject: hi\r\n\r\nbody")],
    ["Application/PDF; name=offer.pdf", bytes("%PDF-1.4")],
  ])("accepts %s whose bytes match", (declared, content) => {
    expect(checkAttachmentContent(declared, content).ok).toBe(true);
  });

  it("refuses an executable declared as a PDF, a text file or a ZIP", () => {
    const exe = bytes("MZ", [0x90, 0, 3, 0, 0, 0, 4, 0]);
    for (const declared of ["application/pdf", "text/plain", "application/zip"])
      expect(checkAttachmentContent(declared, exe)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("refuses types outside the allow-list whatever the bytes", () => {
    for (const declared of ["application/x-msdownload", "text/html", "image/svg+xml", "application/octet-stream", ""])
      expect(checkAttachmentContent(declared, bytes("%PDF-1.7"))).toEqual({ ok: false, reason: "not-allowed" });
  });

  it("refuses a PNG declared as a JPEG and binary data declared as an e-mail", () => {
    expect(checkAttachmentContent("image/jpeg", bytes([0x89, 0x50, 0x4e, 0x47])).ok).toBe(false);
    expect(checkAttachmentContent("message/rfc822", bytes("no header line here")).ok).toBe(false);
  });
});

describe("sanitizeFileName", () => {
  it("drops folders, control and reserved characters and leading dots", () => {
    expect(sanitizeFileName("C:\\Users\\x\\..\\offer.pdf")).toBe("offer.pdf");
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName("re\u0000port\n<2026>?.pdf")).toBe("report2026.pdf");
    expect(sanitizeFileName("...hidden")).toBe("hidden");
    expect(sanitizeFileName("/")).toBe("");
  });

  it("removes direction controls, which make a name read as something else", () => {
    // "invoice" RLO "fdp.exe" reads as "invoiceexe.pdf" in a list of files.
    expect(sanitizeFileName("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    const controls = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"];
    expect(sanitizeFileName(`a${controls.join("")}\u200E\u200F\u061Cb.pdf`)).toBe("ab.pdf");
    // Letters of right-to-left scripts are names like any other.
    expect(sanitizeFileName("\u0639\u0631\u0636.pdf")).toBe("\u0639\u0631\u0636.pdf");
  });

  it("caps the length at 200 characters and keeps the extension", () => {
    const name = sanitizeFileName(`${"a".repeat(300)}.pdf`);
    expect(name).toHaveLength(200);
    expect(name.endsWith(".pdf")).toBe(true);
  });
});

describe("fileNameForType", () => {
  it("replaces an extension that names another type with the accepted type's", () => {
    expect(fileNameForType("invoice.html", "text/plain")).toBe("invoice.txt");
    expect(fileNameForType("setup.exe", "application/pdf")).toBe("setup.pdf");
    expect(fileNameForType("photo.png", "image/jpeg")).toBe("photo.jpg");
    expect(fileNameForType("mail.txt", "message/rfc822")).toBe("mail.eml");
    expect(fileNameForType("archive.tar.gz", "application/x-zip-compressed")).toBe("archive.tar.zip");
  });

  it("keeps an extension of the accepted type, in any case", () => {
    expect(fileNameForType("scan.PDF", "application/pdf")).toBe("scan.PDF");
    expect(fileNameForType("photo.jpeg", "image/jpeg")).toBe("photo.jpeg");
    expect(fileNameForType("list.csv", "text/csv; charset=utf-8")).toBe("list.csv");
    expect(fileNameForType("bundle.zip", "application/x-zip-compressed")).toBe("bundle.zip");
  });

  it("adds the extension where there is none, and keeps endings that are no extension", () => {
    expect(fileNameForType("README", "text/plain")).toBe("README.txt");
    expect(fileNameForType("Offer v1.2", "application/pdf")).toBe("Offer v1.2.pdf");
    expect(fileNameForType("exe", "application/pdf")).toBe("exe.pdf");
  });

  it("stays within 200 characters", () => {
    const name = fileNameForType(`${"a".repeat(196)}.c`, "application/vnd.ms-powerpoint");
    expect(name).toHaveLength(200);
    expect(name.endsWith(".ppt")).toBe(true);
  });
});

describe("attachmentTypeFor", () => {
  it("keeps an allowed reported type and names the rest by extension", () => {
    expect(attachmentTypeFor("scan.PDF", "application/pdf")).toBe("application/pdf");
    expect(attachmentTypeFor("scan.pdf", "application/octet-stream")).toBe("application/pdf");
    expect(attachmentTypeFor("mail.msg", "")).toBe("application/vnd.ms-outlook");
    expect(attachmentTypeFor("tool.exe", "application/x-msdownload")).toBe("application/x-msdownload");
  });
});
