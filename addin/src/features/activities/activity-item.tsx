import {
  Badge,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Activity } from "contract";
import { useLayoutStyles } from "../../shared/layout-styles";
import { may } from "../../shared/may";
import { useServices } from "../../shared/services-context";
import { isChangedElsewhere, useFormSave } from "../../shared/use-form-save";
import type { RecordContact } from "../consent";
import { Loading } from "../../shared/state-views";
import { preloadable } from "../../shared/preloadable";
import { useActivityLabels } from "./activity-labels";
import { OnlineMeetingLine } from "./online-meeting-line";
import { SyncStateBadge } from "./sync-state-badge";

// Finishing, rescheduling and editing are a button away: their forms load behind the list.
export const editForms = preloadable(() => import("./edit-forms.js"));

const useStyles = makeStyles({
  line: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  // The subject opens the activity: a full-width button that reads as the item's title.
  title: { justifyContent: "flex-start", textAlign: "start", paddingLeft: 0, minWidth: 0, maxWidth: "100%" },
  details: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  text: { whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
});

type Form = "finish" | "reschedule" | "edit" | "cancel" | null;

/**
 * One activity of the record: subject, marks (overdue, finished, outcome, Outlook) and when; opened,
 * its details and what the user may do with it (finish, reschedule, edit, cancel, or reopen).
 */
export function ActivityItem({
  activity,
  contacts,
  onChanged,
  series = null,
  children,
}: {
  activity: Activity;
  contacts: RecordContact[];
  onChanged: () => void;
  /** An occurrence of a series: its "Repeats" button opens the series panel (children). */
  series?: { expanded: boolean; onToggle: () => void } | null;
  children?: ReactNode;
}) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { t } = useTranslation("activities", { keyPrefix: "item" });
  const forms = editForms.use();
  const labels = useActivityLabels();
  const { api, me } = useServices();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<Form>(null);
  // Cancel and reopen save at once: a 409 reloads the record and says so, like the forms.
  const quick = useFormSave(() => undefined, onChanged);
  const mayChange = may(me, "activities:change", { ownerId: activity.owner.id });
  const planned = activity.status === "PLANNED";
  const contact = contacts.find((candidate) => candidate.id === activity.contactId);
  const toggle = (next: Form) => setForm(form === next ? null : next);
  const saved = () => {
    setForm(null);
    onChanged();
  };
  const changeStatus = async (status: "CANCELLED" | "PLANNED") => {
    if (await quick.run(() => api.updateActivity(activity.id, { version: activity.version, status }))) saved();
  };
  const formProps = { activity, onSaved: saved, onCancel: () => setForm(null), reload: onChanged };

  return (
    <li className={layout.item}>
      <span className={styles.line}>
        <Badge appearance="outline">{labels.type(activity.type)}</Badge>
        {activity.overdue && (
          <Badge appearance="filled" color="danger">
            {t("overdue")}
          </Badge>
        )}
        {!planned && (
          <Badge appearance="tint" color={activity.status === "FINISHED" ? "success" : "subtle"}>
            {activity.status === "FINISHED" ? t("finished") : t("cancelled")}
          </Badge>
        )}
        {activity.callOutcome && (
          <Badge
            appearance="tint"
            color="brand"
            aria-label={t("outcome", { outcome: labels.outcome(activity.callOutcome) })}
          >
            {labels.outcome(activity.callOutcome)}
          </Badge>
        )}
        <SyncStateBadge activityId={activity.id} sync={activity.sync} onChanged={onChanged} />
        {series && activity.series && (
          <Button size="small" appearance="subtle" aria-expanded={series.expanded} onClick={series.onToggle}>
            {activity.series.exception ? t("repeatsChanged") : t("repeats")}
          </Button>
        )}
      </span>
      <Button
        appearance="transparent"
        className={styles.title}
        aria-expanded={open}
        aria-label={open ? t("closeWhat", { subject: activity.subject }) : t("openWhat", { subject: activity.subject })}
        onClick={() => {
          setOpen(!open);
          setForm(null);
        }}
      >
        <Text weight="semibold" className={styles.text}>
          {activity.subject}
        </Text>
      </Button>
      <Caption1>
        {labels.when(activity, me.timeZone)} · {activity.owner.name}
        {planned &&
          activity.reminderMinutesBefore !== null &&
          t("reminder", { when: labels.reminder(activity.reminderMinutesBefore) })}
      </Caption1>
      <OnlineMeetingLine activity={activity} />
      {open && (
        <section className={styles.details} aria-label={activity.subject}>
          {contact && <Caption1>{t("with", { name: `${contact.firstName} ${contact.lastName}`.trim() })}</Caption1>}
          {activity.location && <Caption1>{t("at", { location: activity.location })}</Caption1>}
          <Caption1>{t("timeZone", { zone: activity.timeZone })}</Caption1>
          {activity.outcome && <Text className={styles.text}>{t("outcomeText", { text: activity.outcome })}</Text>}
          {activity.notes && <Text className={styles.text}>{activity.notes}</Text>}
          {mayChange ? (
            <div className={layout.buttons}>
              {planned && (
                <>
                  <Button
                    size="small"
                    appearance="primary"
                    aria-expanded={form === "finish"}
                    onClick={() => toggle("finish")}
                  >
                    {t("finish")}
                  </Button>
                  <Button size="small" aria-expanded={form === "reschedule"} onClick={() => toggle("reschedule")}>
                    {t("reschedule")}
                  </Button>
                </>
              )}
              <Button size="small" aria-expanded={form === "edit"} onClick={() => toggle("edit")}>
                {t("edit")}
              </Button>
              {planned ? (
                <Button size="small" aria-expanded={form === "cancel"} onClick={() => toggle("cancel")}>
                  {t("cancelActivity")}
                </Button>
              ) : (
                <Button size="small" disabled={quick.saving} onClick={() => void changeStatus("PLANNED")}>
                  {t("reopen")}
                </Button>
              )}
            </div>
          ) : (
            <Caption1>{t("onlyOwner", { owner: activity.owner.name })}</Caption1>
          )}
          {form === "cancel" && (
            <MessageBar intent="warning">
              <MessageBarBody>
                {t("cancelAsk")}
                {activity.sync.eventId ? t("cancelRemoves") : ""}
                <div className={layout.buttons}>
                  <Button size="small" disabled={quick.saving} onClick={() => void changeStatus("CANCELLED")}>
                    {t("yesCancel")}
                  </Button>
                  <Button size="small" onClick={() => setForm(null)}>
                    {t("keepIt")}
                  </Button>
                </div>
              </MessageBarBody>
            </MessageBar>
          )}
          {quick.message && (
            <MessageBar intent={isChangedElsewhere(quick.message) ? "warning" : "error"} role="alert">
              <MessageBarBody>{quick.message}</MessageBarBody>
            </MessageBar>
          )}
          {form !== null && !forms && <Loading label={t("loadingForm")} />}
          {form === "finish" && forms && <forms.FinishActivityForm {...formProps} />}
          {(form === "reschedule" || form === "edit") && forms && (
            <forms.ActivityForm key={form} mode={form} contacts={contacts} {...formProps} />
          )}
        </section>
      )}
      {children}
    </li>
  );
}
