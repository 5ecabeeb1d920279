import { createHash } from "node:crypto";
import type { PrismaClient } from "../../service/src/generated/prisma/client";
import { PRICE_LIST_CSV } from "./demo-files";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** One file on Fabrikam's record, so the Files tab has something to show in the demo. */
export async function seedDemoAttachments(tx: Tx, uploadedById: string, now: Date): Promise<void> {
  const customer = await tx.customer.findUnique({ where: { accountNumber: "10001" }, select: { id: true } });
  if (!customer) return;
  const bytes = Buffer.from(PRICE_LIST_CSV, "utf8");
  const attachment = await tx.attachment.create({
    data: {
      customerId: customer.id,
      fileName: "Price list 2026.csv",
      contentType: "text/csv",
      size: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      uploadedById,
      uploadedAt: new Date(now.getTime() - 20 * 24 * 3_600_000),
    },
  });
  // As the service writes bytes: base64 decoded by the database (the PGlite adapter cannot bind Bytes).
  await tx.$executeRaw`INSERT INTO "AttachmentContent" ("attachmentId", "bytes") VALUES (${attachment.id}::uuid, decode(${bytes.toString("base64")}, 'base64'))`;
}
