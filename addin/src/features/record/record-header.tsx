import { Badge, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ACTUAL_CUSTOMER_STATUS, type Customer } from "contract";
import { useTranslation } from "react-i18next";
import { ConsentBadges, type RecordContact, withdrawnChannels } from "../consent";

const useStyles = makeStyles({
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  line: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  // Users of the documented systems read a red status code as "not a customer yet: no orders".
  notCustomer: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  facts: { margin: 0, display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalM },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: "anywhere" },
});

/** Who the customer is, in two lines: name, then account, status and lifecycle. */
export function RecordHeader({ customer }: { customer: Customer }) {
  const styles = useStyles();
  const { t } = useTranslation("record");
  const isCustomer = customer.status.code === ACTUAL_CUSTOMER_STATUS;
  return (
    <header className={styles.header}>
      <Text as="h2" size={500} weight="semibold">
        {customer.name}
      </Text>
      <div className={styles.line}>
        <Caption1>{t("account", { number: customer.accountNumber })}</Caption1>
        <Text
          className={isCustomer ? undefined : styles.notCustomer}
          data-testid="status"
          title={isCustomer ? t("isCustomer") : t("notCustomer")}
        >
          {t("status", { code: customer.status.code, label: customer.status.label })}
        </Text>
        <Badge appearance="outline">{t(`lifecycle.${customer.lifecycle}`)}</Badge>
      </div>
    </header>
  );
}

/** The rest of the master data, below the record's main actions. */
export function RecordFacts({ customer, contact }: { customer: Customer; contact: RecordContact | null }) {
  const styles = useStyles();
  const { t } = useTranslation("record");
  const address = [
    customer.address.street,
    [customer.address.postalCode, customer.address.city].filter(Boolean).join(" "),
    customer.address.country,
  ]
    .filter(Boolean)
    .join(", ");
  return (
    <div className={styles.header}>
      {customer.types.length > 0 && (
        <div className={styles.line} role="group" aria-label={t("types")}>
          {customer.types.map((type) => (
            <Badge key={type} appearance="tint" color="brand">
              {type}
            </Badge>
          ))}
        </div>
      )}
      <dl className={styles.facts}>
        {address && <Fact term={t("address")} value={address} />}
        {customer.phone && <Fact term={t("phone")} value={customer.phone} />}
        <Fact
          term={t("salesmen")}
          value={customer.salesmen.map((salesman) => salesman.name).join(", ") || t("noSalesmen")}
        />
        {contact && (
          <Fact
            term={t("contact")}
            value={[`${contact.firstName} ${contact.lastName}`, contact.role, contact.phone]
              .filter(Boolean)
              .join(" · ")}
          />
        )}
      </dl>
      {contact && (
        <div className={styles.line} role="group" aria-label={t("consent")}>
          <ConsentBadges withdrawn={withdrawnChannels(contact.consent)} />
        </div>
      )}
    </div>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  const styles = useStyles();
  return (
    <>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.value}>{value}</dd>
    </>
  );
}
