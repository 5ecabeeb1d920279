import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { TFunction } from "i18next";
import type { LookupMatch } from "contract";
import { useTranslation } from "react-i18next";
import type { MailAddress } from "../../office/mail-item.types";
import { displayName } from "../../shared/display-name";
import type { LookupContact } from "./participant-matches";
import { useLayoutStyles } from "../../shared/layout-styles";
import { ConsentBadges } from "../consent";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  who: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
});

/** Everyone on the message but the user, with what the CRM knows about each. */
export function ParticipantList({
  participants,
  matches,
  onCreateContact,
  onMoveContact,
}: {
  participants: MailAddress[];
  matches: LookupMatch[];
  onCreateContact: (participant: MailAddress) => void;
  /** Offered for unassigned contacts only, though the service would re-assign any. */
  onMoveContact: (contact: LookupContact, email: string) => void;
}) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { t } = useTranslation("participants");
  return (
    <ul className={layout.list} aria-label={t("people")}>
      {participants.map((participant) => {
        const match = matches.find((candidate) => candidate.email === participant.email);
        return (
          <li key={participant.email} className={styles.row}>
            <span className={styles.who}>
              <Text weight="semibold">{participant.name ?? participant.email}</Text>
              <Caption1>{participant.email}</Caption1>
              <Caption1>{describe(match, t)}</Caption1>
              {match && <ConsentBadges withdrawn={[...new Set(match.contacts.flatMap((c) => c.withdrawnConsent))]} />}
            </span>
            {(!match || match.contacts.length === 0) && (
              <Button size="small" onClick={() => onCreateContact(participant)}>
                {t("addAsContact")}
              </Button>
            )}
            {match?.contacts
              .filter((contact) => !contact.customer)
              .map((contact) => (
                <Button key={contact.id} size="small" onClick={() => onMoveContact(contact, participant.email)}>
                  {t("moveToCustomer")}
                </Button>
              ))}
          </li>
        );
      })}
    </ul>
  );
}

function describe(match: LookupMatch | undefined, t: TFunction<"participants">): string {
  if (!match || match.matchedBy === "none") return t("notInCrm");
  if (match.matchedBy === "domain")
    return match.domainCustomers.length === 1
      ? t("unknownAt", { customer: match.domainCustomers[0]!.name })
      : t("unknownDomain", { count: match.domainCustomers.length });
  return match.contacts
    .map((contact) => `${displayName(contact)} · ${contact.customer ? contact.customer.name : t("unassigned")}`)
    .join("; ");
}
