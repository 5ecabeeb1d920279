import { Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import type { CustomerRecord } from "contract";
import { Suspense, useDeferredValue, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useServices } from "../../shared/services-context";
import { ErrorState, Loading } from "../../shared/state-views";
import type { MailItem } from "../../office/mail-item.types";
import { may } from "../../shared/may";
import { rememberCustomer } from "../../shared/recent-customers";
import { selectionCache } from "../../shared/selection-cache";
import { useAsync } from "../../shared/use-async";
import { DeclineNotice } from "../lifecycle";
import { recordExtras } from "./record-extras-chunk";
import { RecordActions } from "./record-actions";
import { RecordFacts, RecordHeader } from "./record-header";
import { RecordPulse } from "./record-pulse";
import { RecordSkeleton, SectionsSkeleton } from "./record-skeleton";
import { RECORD_TABS, type RecordTab } from "./record-tabs";

const [FIRST_TAB] = RECORD_TABS as [RecordTab, ...RecordTab[]];

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  tabs: { flexWrap: "wrap" },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/** A customer's whole record in one call, with what the user can do from the current email. */
export function RecordView({
  customerId,
  contactId,
  item,
  known,
}: {
  customerId: string;
  contactId: string | null;
  item: MailItem | null;
  /** The record as it came along with the lookup: drawn without asking for it again (until a reload). */
  known?: CustomerRecord;
}) {
  const styles = useStyles();
  const { t } = useTranslation("record");
  const { api, me, mailbox } = useServices();
  // A customer seen a moment ago (from another email, the search, a report) draws at once from what
  // was kept, and is asked for again behind; one that came along with the lookup is as fresh as that.
  const cache = selectionCache<CustomerRecord>(api, "record", mailbox.userEmail());
  const record = useAsync(
    async () => {
      const stamp = cache.stamp();
      const loaded = await api.record(customerId);
      cache.set(customerId, loaded, stamp);
      return loaded;
    },
    [customerId, known],
    known ? { known, refresh: false } : { known: cache.get(customerId), refresh: true },
  );
  const [tab, setTab] = useState(FIRST_TAB.value);
  // The e-mail log list (a tab's) reloads when this changes: after logging this email above the tabs.
  const [emailLogRound, setEmailLogRound] = useState(0);
  // The editors and the lifecycle's actions are in the record's extras chunk (preloaded at sign-in):
  // until it is there they are left out, the record itself draws.
  const extras = recordExtras.use();
  const opened = record.status === "ready" ? record.data.customer : null;
  // The open tab comes a moment after the record's head (who, status, what to do now), in a render
  // of its own: a record selected again draws from the cache in the frame of the click, and its
  // sections follow (a transition React may interrupt for the user's next click).
  const panelRecord = useDeferredValue(record.status === "ready" ? record.data : null, null);
  // The search tab lists the last customers opened while its box is empty.
  useEffect(() => {
    if (opened) rememberCustomer(me.id, opened);
  }, [opened?.id, opened?.name, opened?.accountNumber]);

  if (record.status === "loading") return <RecordSkeleton />;
  if (record.status === "error") return <ErrorState error={record.error} onRetry={record.reload} />;
  const { customer, contacts } = record.data;
  const contact = contacts.find((candidate) => candidate.id === contactId) ?? null;
  const current = RECORD_TABS.find((candidate) => candidate.value === tab) ?? FIRST_TAB;

  return (
    // data-customer-id: whose record is on screen (bench:addin waits for the selected email's customer).
    <article
      className={styles.stack}
      aria-label={t("label", { name: customer.name })}
      data-testid="customer-record"
      data-customer-id={customer.id}
    >
      {/* Above the fold in a 320 px pane: who, how it stands (why it was declined), what to do now; then the rest. */}
      <RecordHeader customer={customer} />
      <DeclineNotice lifecycle={record.data.lifecycle} />
      <RecordPulse record={record.data} timeZone={me.timeZone} />
      <RecordActions
        record={record.data}
        contactId={contactId}
        item={item}
        reload={record.reload}
        onLogged={() => setEmailLogRound((round) => round + 1)}
      />
      <RecordFacts customer={customer} contact={contact} />
      {extras && may(me, "customers:change") && (
        <extras.CustomerEditor key={customer.id} customer={customer} onSaved={record.reload} />
      )}
      {extras && (
        <extras.LifecycleActions customer={customer} lifecycle={record.data.lifecycle} onChanged={record.reload} />
      )}
      {extras && may(me, "customers:salesmen", { salesmen: customer.salesmen }) && (
        <extras.SalesmenEditor customer={customer} onSaved={record.reload} />
      )}
      {RECORD_TABS.length > 1 && (
        <TabList
          size="small"
          className={styles.tabs}
          selectedValue={current.value}
          onTabSelect={(_event, data) => setTab(String(data.value))}
          aria-label={t("sections")}
        >
          {RECORD_TABS.map((candidate) => (
            <Tab key={candidate.value} value={candidate.value}>
              {t(`tabs.${candidate.label}`)}
            </Tab>
          ))}
        </TabList>
      )}
      <div className={styles.panel} role="tabpanel" aria-label={t(`tabs.${current.label}`)}>
        {panelRecord?.customer.id === customer.id ? (
          <Suspense fallback={<Loading label={t("loadingTab", { tab: t(`tabs.${current.label}`) })} />}>
            {current.render({ record: panelRecord, contactId, item, reload: record.reload, emailLogRound })}
          </Suspense>
        ) : (
          <SectionsSkeleton />
        )}
      </div>
    </article>
  );
}
