// Bulk demo-shaped data for the benchmark, generated inside the database (generate_series), so
// seeding 900,000 rows takes seconds instead of an hour of single inserts.
// searchText follows customerSearchText(): non-empty parts joined by spaces, lower case.

export interface BenchScale {
  customers: number;
  contactsPerCustomer: number;
  emailsPerCustomer: number;
}

const WORDS = [
  "Fabrikam",
  "Northwind",
  "Contoso",
  "Litware",
  "Proseware",
  "Woodgrove",
  "Tailspin",
  "Fourth",
  "Coho",
  "Alpine",
  "Lucerne",
  "Wingtip",
];
const SUFFIXES = ["GmbH", "AG", "Inc.", "Ltd", "S.A.", "B.V.", "KG", "Group", "Traders", "Industries"];
const CITIES = [
  "Berlin",
  "Hamburg",
  "München",
  "Köln",
  "Frankfurt",
  "Stuttgart",
  "Wien",
  "Zürich",
  "London",
  "Paris",
  "Amsterdam",
  "Milano",
];
const STREETS = [
  "Hauptstraße",
  "Bahnhofstraße",
  "Industriestraße",
  "Gartenweg",
  "Marktplatz",
  "Lindenallee",
  "High Street",
  "Rue de Rivoli",
];

const array = (values: string[]) => `ARRAY[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(",")}]`;

export function benchSeedSql(scale: BenchScale, userId: string): string[] {
  const { customers, contactsPerCustomer, emailsPerCustomer } = scale;
  return [
    `CREATE TEMP TABLE bench_customer AS
     SELECT i,
       gen_random_uuid() AS id,
       'B' || lpad(i::text, 7, '0') AS account,
       (${array(WORDS)})[1 + i % ${WORDS.length}] || ' ' || (${array(WORDS)})[1 + (i / ${WORDS.length}) % ${WORDS.length}] || ' ' || i || ' ' || (${array(SUFFIXES)})[1 + i % ${SUFFIXES.length}] AS name,
       (${array(STREETS)})[1 + i % ${STREETS.length}] || ' ' || (1 + i % 120) AS street,
       lpad(((i * 7919) % 99999)::text, 5, '0') AS postal,
       (${array(CITIES)})[1 + (i / 7) % ${CITIES.length}] AS city
     FROM generate_series(1, ${customers}) AS i`,
    `INSERT INTO "Customer" (id, "accountNumber", name, "statusCode", lifecycle, phone, street, "postalCode", city, country, "searchText", "createdById", "modifiedById")
     SELECT id, account, name, CASE WHEN i % 4 = 0 THEN 2 ELSE 1 END, 'ACTIVE', '+49 30 ' || i, street, postal, city, 'Germany',
       lower(concat_ws(' ', account, name, street, postal, city, 'Germany')), '${userId}', '${userId}'
     FROM bench_customer`,
    `INSERT INTO "CustomerDomain" ("customerId", domain) SELECT id, 'c' || i || '.example' FROM bench_customer`,
    `CREATE TEMP TABLE bench_contact AS
     SELECT c.i, c.id AS customer_id, n, gen_random_uuid() AS id,
       'first' || n || '.last' || c.i || '@c' || c.i || '.example' AS email
     FROM bench_customer c CROSS JOIN generate_series(1, ${contactsPerCustomer}) AS n`,
    `INSERT INTO "Contact" (id, "customerId", "firstName", "lastName", role, "createdById", "modifiedById")
     SELECT id, customer_id, 'First' || n, 'Last' || i, 'Buyer', '${userId}', '${userId}' FROM bench_contact`,
    `INSERT INTO "ContactEmail" (id, "contactId", email, "emailNormalized") SELECT gen_random_uuid(), id, email, email FROM bench_contact`,
    `INSERT INTO "EmailLogEntry" (id, "internetMessageId", "conversationId", subject, "fromEmail", "fromName", "to", cc, "sentAt", "bodyHtml", "bodyText", "customerId", "contactId", "loggedById", mailbox)
     SELECT gen_random_uuid(), '<bench-' || c.i || '-' || m || '@c' || c.i || '.example>', 'conv-' || c.i, 'Re: Offer ' || m,
       'first1.last' || c.i || '@c' || c.i || '.example', 'First1 Last' || c.i, '[]'::jsonb, '[]'::jsonb,
       now() - (m || ' days')::interval, '<p>Thank you for the offer.</p>', 'Thank you for the offer.', c.id, NULL, '${userId}',
       (SELECT lower(email) FROM "User" WHERE id = '${userId}')
     FROM bench_customer c CROSS JOIN generate_series(1, ${emailsPerCustomer}) AS m`,
    `DROP TABLE bench_contact`,
    `DROP TABLE bench_customer`,
    `ANALYZE`,
  ];
}
