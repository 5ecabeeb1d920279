-- An item master for quote and order lines, customers' own item codes mapped to ours (cross-references),
-- and sales orders imported from a customer's file (once per file and per customer order reference).
-- Lines keep the customer's code next to ours.
-- AlterTable
ALTER TABLE "QuoteLine" ADD COLUMN     "customerItem" TEXT;

-- AlterTable
ALTER TABLE "SalesOrderLine" ADD COLUMN     "customerItem" TEXT;

-- CreateTable
CREATE TABLE "Item" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "unit" TEXT NOT NULL DEFAULT 'pc',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "modifiedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerItemRef" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "customerCode" TEXT NOT NULL,
    "customerDescription" TEXT,
    "itemId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "modifiedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "CustomerItemRef_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderImport" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "contentHash" TEXT NOT NULL,
    "reference" TEXT,
    "fileName" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Item_code_key" ON "Item"("code");

-- CreateIndex
CREATE INDEX "CustomerItemRef_itemId_idx" ON "CustomerItemRef"("itemId");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerItemRef_customerId_customerCode_key" ON "CustomerItemRef"("customerId", "customerCode");

-- CreateIndex
CREATE UNIQUE INDEX "OrderImport_orderId_key" ON "OrderImport"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "OrderImport_customerId_contentHash_key" ON "OrderImport"("customerId", "contentHash");

-- CreateIndex
CREATE UNIQUE INDEX "OrderImport_customerId_reference_key" ON "OrderImport"("customerId", "reference");

-- AddForeignKey
ALTER TABLE "CustomerItemRef" ADD CONSTRAINT "CustomerItemRef_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerItemRef" ADD CONSTRAINT "CustomerItemRef_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderImport" ADD CONSTRAINT "OrderImport_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderImport" ADD CONSTRAINT "OrderImport_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "SalesOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Databases in use already carry item codes on lines and special prices: they become the first items
-- (active, described by the latest description found, else the code), so their documents still edit.
INSERT INTO "Item" ("id", "code", "description")
SELECT gen_random_uuid(), codes.item, COALESCE(
    (SELECT sp."description" FROM "SpecialPrice" sp WHERE sp."item" = codes.item AND sp."description" IS NOT NULL ORDER BY sp."modifiedAt" DESC LIMIT 1),
    codes.item)
FROM (
    SELECT btrim("item") AS item FROM "QuoteLine"
    UNION SELECT btrim("item") FROM "SalesOrderLine"
    UNION SELECT btrim("item") FROM "SpecialPrice"
) codes
WHERE codes.item <> '';
