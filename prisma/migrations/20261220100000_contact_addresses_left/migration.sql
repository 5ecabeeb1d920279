-- AlterTable
ALTER TABLE "Contact" ADD COLUMN "leftAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "ContactAddress" (
    "id" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "label" TEXT,
    "street" TEXT,
    "postalCode" TEXT,
    "city" TEXT,
    "region" TEXT,
    "country" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ContactAddress_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContactAddress_contactId_idx" ON "ContactAddress"("contactId");

-- AddForeignKey
ALTER TABLE "ContactAddress" ADD CONSTRAINT "ContactAddress_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;
