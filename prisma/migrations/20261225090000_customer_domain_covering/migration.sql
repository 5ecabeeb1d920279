-- The lookup by e-mail domain needs the customer of each domain. With the domain alone in its index,
-- every hit read the table row, and once the table was all visible the planner preferred reading the
-- whole primary key (customerId, domain) index-only to probing this one: a scan growing with the
-- customers on every lookup. With both columns here a probe is index-only too.
DROP INDEX "CustomerDomain_domain_idx";
CREATE INDEX "CustomerDomain_domain_customerId_idx" ON "CustomerDomain"("domain", "customerId");
