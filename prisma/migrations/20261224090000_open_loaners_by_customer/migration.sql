-- The record's open loaners are one customer's: read them from an index led by the customer instead
-- of walking every customer's open loaners (SalesOrder_type_status_dueBackOn_idx, the overdue job's).

-- CreateIndex
CREATE INDEX "SalesOrder_customerId_type_status_idx" ON "SalesOrder"("customerId", "type", "status");
