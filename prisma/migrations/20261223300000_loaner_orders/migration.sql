-- Loaner orders (issue 16): an order type for equipment lent to a customer, its due-back day, its
-- return (once per order) and its overdue reminder (once per order, whatever runs the job).

-- CreateEnum
CREATE TYPE "OrderType" AS ENUM ('STANDARD', 'LOANER');

-- AlterTable
ALTER TABLE "SalesOrder" ADD COLUMN "type" "OrderType" NOT NULL DEFAULT 'STANDARD',
ADD COLUMN "dueBackOn" DATE;
-- The service names the field; this keeps any other writer honest too (Prisma does not model checks).
ALTER TABLE "SalesOrder" ADD CONSTRAINT "SalesOrder_loaner_dueBackOn_check" CHECK ("type" <> 'LOANER' OR "dueBackOn" IS NOT NULL);

-- CreateTable
CREATE TABLE "LoanerReturn" (
    "orderId" UUID NOT NULL,
    "returnedOn" DATE NOT NULL,
    "returnedById" UUID NOT NULL,
    "remark" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoanerReturn_pkey" PRIMARY KEY ("orderId")
);

-- CreateTable
CREATE TABLE "LoanerReminder" (
    "orderId" UUID NOT NULL,
    "activityId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoanerReminder_pkey" PRIMARY KEY ("orderId")
);

-- CreateIndex
CREATE INDEX "SalesOrder_type_status_dueBackOn_idx" ON "SalesOrder"("type", "status", "dueBackOn");

-- CreateIndex
CREATE UNIQUE INDEX "LoanerReminder_activityId_key" ON "LoanerReminder"("activityId");

-- AddForeignKey
ALTER TABLE "LoanerReturn" ADD CONSTRAINT "LoanerReturn_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "SalesOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoanerReturn" ADD CONSTRAINT "LoanerReturn_returnedById_fkey" FOREIGN KEY ("returnedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoanerReminder" ADD CONSTRAINT "LoanerReminder_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "SalesOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoanerReminder" ADD CONSTRAINT "LoanerReminder_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE SET NULL ON UPDATE CASCADE;
