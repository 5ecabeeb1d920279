-- Account numbers of new customers come from this sequence (service/src/features/customers/account-numbers.ts
-- formats it with ACCOUNT_NUMBER_FORMAT). Prisma does not model standalone sequences; the service
-- reads it with nextval(). It starts after the highest purely numeric account number already in use
-- (10000 at the least), so a database with customers keeps counting where it was.
CREATE SEQUENCE "CustomerAccountNumber" AS BIGINT MINVALUE 1 START WITH 10000;
SELECT setval(
  '"CustomerAccountNumber"',
  GREATEST(
    10000,
    COALESCE((SELECT max("accountNumber"::bigint) FROM "Customer" WHERE "accountNumber" ~ '^[0-9]{1,15}$'), 0) + 1
  ),
  false
);
