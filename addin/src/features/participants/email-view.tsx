import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { LookupResult } from "contract";
import { Suspense, lazy, useEffect, useLayoutEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useServices } from "../../shared/services-context";
import { EmptyState, ErrorState, Loading } from "../../shared/state-views";
import { type MailAddress, type MailItem, itemIdentity, mailboxOf, participantsOf } from "../../office/mail-item.types";
import { useAsync } from "../../shared/use-async";
import { emailLogStatusKey, prefetchUnlessWaiting, takeArrived, takePrefetched } from "../../shared/prefetch";
import { lookupKey } from "./first-lookup";
import { selectionCache } from "../../shared/selection-cache";
import { preloadable } from "../../shared/preloadable";
import { RecordView } from "../record";
import { displayName } from "../../shared/display-name";
import { type CustomerCandidate, type LookupContact, customerCandidates } from "./participant-matches";
import { ParticipantList } from "./participant-list";
import { useMailItem } from "../../shared/use-mail-item";
import { useSelectedMessages } from "../../shared/use-selected-messages";

// Creating or moving a contact is a form away: fetched once the email's people are drawn.
const contactForms = preloadable(() => import("../contacts/index.js"));

// Several messages selected at once is not how the pane opens: that view's code comes when it is needed.
const LogSelectedEmails = lazy(async () => ({
  default: (await import(/* webpackExports: ["LogSelectedEmails"] */ "../email-log/index.js")).LogSelectedEmails,
}));

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  choices: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "flex-start" },
});

/** Journey 1: the message's people, their matches, and the record of the customer behind them. */
export function EmailView() {
  const { t } = useTranslation("participants");
  const item = useMailItem();
  const selection = useSelectedMessages();
  // Several messages selected in Outlook's list: they are logged together, not one shown.
  if (selection.length > 1)
    return (
      <Suspense fallback={<Loading label={t("readingMessage")} />}>
        <LogSelectedEmails key={selection.map((message) => message.restId).join(",")} messages={selection} />
      </Suspense>
    );
  if (item.status === "loading") return <Loading label={t("readingMessage")} />;
  if (item.status === "error") return <ErrorState error={item.error} onRetry={item.reload} />;
  if (!item.data) return <EmptyState>{t("selectEmail")}</EmptyState>;
  // A new key per item: nothing chosen or typed for one message leaks into the next.
  return <EmailRecords key={item.key} item={item.data} />;
}

function EmailRecords({ item }: { item: MailItem }) {
  const styles = useStyles();
  const { t } = useTranslation("participants");
  const { api, mailbox } = useServices();
  const participants = participantsOf(item, mailbox.userEmail());
  const emails = participants.map((participant) => participant.email);
  // Per signed-in user, mailbox and message: reselecting an email draws what it showed last time at once.
  const itemKey = itemIdentity(item);
  const cacheKey =
    itemKey && `${mailbox.userEmail()}\n${mailboxOf(item, mailbox.userEmail())}\n${itemKey}\n${emails.join(",")}`;
  const cache = selectionCache<LookupResult>(api, "lookup", mailbox.userEmail());
  // Whether this email is logged needs only its id: it goes out with the lookup, not after the record
  // (on the email the pane opened on, the pane's start sent it already). A layout effect: it runs
  // before the effects of the log button below, which takes it; drawn in the same commit (the
  // answers had arrived), the button's effect would otherwise find none, ask itself, and leave this
  // one to be taken by its reload after logging, an answer from before the email was logged.
  const messageId = item.internetMessageId;
  useLayoutEffect(() => {
    if (messageId) prefetchUnlessWaiting(api, emailLogStatusKey(messageId), () => api.emailLogStatus(messageId));
  }, [api, messageId]);
  // The pane's start asked already (startFirstLookup): an answer that has arrived is drawn at once.
  const [early] = useState(() => (emails.length > 0 ? takeArrived<LookupResult>(api, lookupKey(emails)) : undefined));
  useEffect(() => {
    if (early && cacheKey) cache.set(cacheKey, early.value, cache.stamp());
  }, []);
  // One round trip: when the people point to one customer, its record comes along (include=record).
  const lookup = useAsync(
    async () => {
      const stamp = cache.stamp();
      const found: LookupResult =
        emails.length > 0
          ? await takePrefetched(api, lookupKey(emails), () => api.lookup(emails, "record"))
          : { matches: [] };
      if (cacheKey) cache.set(cacheKey, found, stamp);
      return found;
    },
    [emails.join(",")],
    early ? { known: early.value, refresh: false } : { known: cacheKey ? cache.get(cacheKey) : undefined },
  );
  const [chosen, setChosen] = useState<CustomerCandidate | null>(null);
  const [creatingFor, setCreatingFor] = useState<MailAddress | null>(null);
  const [moving, setMoving] = useState<{ contact: LookupContact; email: string } | null>(null);
  const forms = contactForms.use();

  const heading = (
    <Text as="h2" weight="semibold" size={400}>
      {item.subject || t("noSubject")}
    </Text>
  );
  if (participants.length === 0)
    return (
      <div className={styles.stack}>
        {heading}
        <EmptyState>{t("onlyYou")}</EmptyState>
      </div>
    );
  if (lookup.status === "loading")
    return (
      <div className={styles.stack}>
        {heading}
        <Loading label={t("lookingUp")} />
      </div>
    );
  if (lookup.status === "error")
    return (
      <div className={styles.stack}>
        {heading}
        <ErrorState error={lookup.error} onRetry={lookup.reload} />
      </div>
    );

  const matches = lookup.data.matches;
  const candidates = customerCandidates(participants, matches);
  const open = chosen ?? (candidates.length === 1 ? candidates[0]! : null);
  const creatingMatch = creatingFor && matches.find((match) => match.email === creatingFor.email);

  return (
    <div className={styles.stack}>
      {heading}
      <ParticipantList
        participants={participants}
        matches={matches}
        onCreateContact={(participant) => setCreatingFor(participant)}
        onMoveContact={(contact, email) => {
          setCreatingFor(null);
          setMoving({ contact, email });
        }}
      />
      {(moving || creatingFor) && !forms ? (
        <Loading label={t("lookingUp")} />
      ) : moving && forms ? (
        <forms.MoveContactForm
          contactId={moving.contact.id}
          name={displayName(moving.contact)}
          onMoved={(customer) => {
            // Straight to the customer's record, even when other people on the email match other customers.
            setChosen({ customer, contact: { ...moving.contact, customer }, via: moving.email });
            setMoving(null);
            lookup.reload();
          }}
          onCancel={() => setMoving(null)}
        />
      ) : creatingFor && forms ? (
        <forms.CreateContactForm
          participant={creatingFor}
          domainCustomers={creatingMatch?.domainCustomers ?? []}
          onCreated={() => {
            setCreatingFor(null);
            setChosen(null);
            lookup.reload();
          }}
          onCancel={() => setCreatingFor(null)}
        />
      ) : open ? (
        <>
          {candidates.length > 1 && (
            <Button appearance="subtle" onClick={() => setChosen(null)}>
              {t("allMatching", { count: candidates.length })}
            </Button>
          )}
          <RecordView
            customerId={open.customer.id}
            contactId={open.contact?.id ?? null}
            item={item}
            known={lookup.data.record?.customer.id === open.customer.id ? lookup.data.record : undefined}
          />
        </>
      ) : candidates.length > 1 ? (
        <section aria-labelledby="choose-customer" className={styles.choices}>
          <Text id="choose-customer" as="h3" weight="semibold">
            {t("severalMatch")}
          </Text>
          {candidates.map((candidate) => (
            <Button key={candidate.customer.id} onClick={() => setChosen(candidate)}>
              {candidate.customer.name} ({candidate.customer.accountNumber})
              {candidate.contact ? ` · ${candidate.contact.firstName} ${candidate.contact.lastName}` : t("byDomain")}
            </Button>
          ))}
        </section>
      ) : (
        <EmptyState>{t("noneMatch")}</EmptyState>
      )}
    </div>
  );
}
