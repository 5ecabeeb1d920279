import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ACTIVITY_TYPES, type Activity, type ConsentChannel } from "contract";
import { useServices } from "../../shared/services-context";
import { useErrorMessage } from "../../shared/error-message";
import { useAsync } from "../../shared/use-async";
import { isoToZoned, zonedToIso } from "../../shared/zoned-time";
import { useLayoutStyles } from "../../shared/layout-styles";
import { type RecordContact, useConsentWarning } from "../consent";
import { useActivityLabels } from "./activity-labels";
import { REMINDER_MINUTES } from "./reminders";
import { TimeZoneField, useSaveDefaultZone } from "./time-zone-field";
import { type RepeatChoice, recurrenceFor, repeatLabel } from "./repeat-rule";

const REPEATS: RepeatChoice[] = ["never", "weekly", "fortnightly", "monthlyWeekday", "monthlyDay"];

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, "& > *": { flex: 1 } },
});

/** The channel an activity reaches the contact through; visits, meetings and tasks use none. */
function channelOfActivity(type: Activity["type"]): ConsentChannel | null {
  if (type === "CALL") return "PHONE";
  if (type === "EMAIL") return "EMAIL";
  return null;
}

/** Tomorrow at 09:00 in the user's zone: a sensible default for a follow-up. */
function defaultStart(timeZone: string) {
  const { day } = isoToZoned(new Date(Date.now() + 24 * 3600_000).toISOString(), timeZone);
  return { day, time: "09:00" };
}

/**
 * Journey 3: plan an activity from the email; date and time are in the user's zone unless another
 * is chosen (which can become the user's default). One dated in the past is not silently planned:
 * the form asks whether to log it as done (with its outcome) or keep it planned, and then overdue.
 */
export function NewActivityForm({
  customerId,
  contacts,
  contactId,
  subject,
  onSaved,
  onCancel,
}: {
  customerId: string;
  contacts: RecordContact[];
  contactId: string | null;
  subject: string;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const labels = useActivityLabels();
  const { t } = useTranslation("activities", { keyPrefix: "form" });
  const { t: activitiesT } = useTranslation("activities");
  const { t: common } = useTranslation("common");
  const errorMessage = useErrorMessage();
  const REMINDERS: { label: string; minutes: number | null }[] = [
    { label: t("noReminder"), minutes: null },
    ...REMINDER_MINUTES.map((minutes) => ({ label: labels.reminder(minutes), minutes })),
  ];
  const { api, me } = useServices();
  const templates = useAsync(() => api.templates(), [api]);
  const start = defaultStart(me.timeZone);
  const [templateId, setTemplateId] = useState("");
  const [type, setType] = useState<(typeof ACTIVITY_TYPES)[number]>("CALL");
  const [title, setTitle] = useState(subject);
  const [who, setWho] = useState(contactId ?? "");
  const [day, setDay] = useState(start.day);
  const [time, setTime] = useState(start.time);
  const [duration, setDuration] = useState(30);
  const [reminder, setReminder] = useState<number | null>(15);
  const [timeZone, setTimeZone] = useState(me.timeZone);
  const [makeDefault, setMakeDefault] = useState(false);
  const saveDefaultZone = useSaveDefaultZone();
  /** Set while the form asks whether an activity in the past was done. */
  const [askPast, setAskPast] = useState(false);
  const [outcome, setOutcome] = useState("");
  const [teams, setTeams] = useState(false);
  const [repeat, setRepeat] = useState<RepeatChoice>("never");
  const [count, setCount] = useState("10");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const consent = useConsentWarning();

  const chooseTemplate = (id: string) => {
    setTemplateId(id);
    const template = templates.data?.items.find((candidate) => candidate.id === id);
    if (!template) return;
    setType(template.type);
    if (!subject) setTitle(template.subject);
    setDuration(template.durationMinutes);
    setReminder(template.reminderMinutesBefore);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const contact = contacts.find((candidate) => candidate.id === who);
    consent.guard(contact, channelOfActivity(type), () => {
      // A single activity in the past was most likely done already; a series just starts there.
      if (repeat === "never" && Date.parse(zonedToIso(day, time, timeZone)) < Date.now()) setAskPast(true);
      else void save("PLANNED");
    });
  };
  const save = async (status: "PLANNED" | "FINISHED") => {
    setSaving(true);
    setError(null);
    try {
      const startsAt = zonedToIso(day, time, timeZone);
      const endsAt = new Date(Date.parse(startsAt) + duration * 60_000).toISOString();
      if (repeat !== "never") {
        // One series: its occurrences come back as activities of their own, one Outlook series.
        await api.createSeries({
          customerId,
          contactId: who || null,
          type,
          subject: title,
          startsAt,
          endsAt,
          timeZone: timeZone,
          allDay: false,
          reminderMinutesBefore: reminder,
          ...(type === "MEETING" && teams && { onlineMeeting: true }),
          recurrence: recurrenceFor(repeat, day, Math.min(999, Math.max(2, Math.round(Number(count)) || 2))),
        });
        if (makeDefault && timeZone !== me.timeZone) await saveDefaultZone(timeZone);
        onSaved();
        return;
      }
      await api.createActivity({
        customerId,
        contactId: who || null,
        templateId: templateId || null,
        type,
        subject: title,
        startsAt,
        endsAt,
        timeZone,
        allDay: false,
        status,
        ...(status === "FINISHED" && { outcome: outcome.trim() || null }),
        reminderMinutesBefore: reminder,
        // Only a meeting can be a Teams meeting: the switch shows for meetings alone.
        ...(type === "MEETING" && teams && { onlineMeeting: true }),
      });
      if (makeDefault && timeZone !== me.timeZone) await saveDefaultZone(timeZone);
      onSaved();
    } catch (caught) {
      setError(caught);
      setSaving(false);
    }
  };

  return (
    <form className={layout.form} onSubmit={submit} aria-label={t("newActivity")}>
      <Field label={t("template")}>
        <Select value={templateId} onChange={(_event, data) => chooseTemplate(data.value)}>
          <option value="">{templates.status === "loading" ? t("loadingTemplates") : t("noTemplate")}</option>
          {templates.data?.items.map((template) => (
            <option key={template.id} value={template.id}>
              {template.name}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Field label={t("type")}>
          <Select value={type} onChange={(_event, data) => setType(data.value as typeof type)}>
            {ACTIVITY_TYPES.map((value) => (
              <option key={value} value={value}>
                {labels.type(value)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("contact")}>
          <Select value={who} onChange={(_event, data) => setWho(data.value)}>
            <option value="">{t("nobody")}</option>
            {contacts.map((contact) => (
              <option key={contact.id} value={contact.id}>
                {contact.firstName} {contact.lastName}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={t("subject")} required>
        <Input value={title} onChange={(_event, data) => setTitle(data.value)} required maxLength={255} />
      </Field>
      <div className={styles.row}>
        <Field label={t("date")} required hint={timeZone}>
          <Input
            type="date"
            value={day}
            onChange={(_event, data) => {
              setDay(data.value);
              setAskPast(false);
            }}
            required
          />
        </Field>
        <Field label={t("time")} required>
          <Input
            type="time"
            value={time}
            onChange={(_event, data) => {
              setTime(data.value);
              setAskPast(false);
            }}
            required
          />
        </Field>
      </div>
      <TimeZoneField
        value={timeZone}
        onChange={(zone) => {
          setTimeZone(zone);
          setAskPast(false);
        }}
        userZone={me.timeZone}
        makeDefault={makeDefault}
        onMakeDefaultChange={setMakeDefault}
      />
      <div className={styles.row}>
        <Field label={t("duration")}>
          <Input
            type="number"
            min={0}
            max={10080}
            value={String(duration)}
            onChange={(_event, data) => setDuration(Number(data.value) || 0)}
          />
        </Field>
        <Field label={t("reminder")}>
          <Select
            value={reminder === null ? "" : String(reminder)}
            onChange={(_event, data) => setReminder(data.value === "" ? null : Number(data.value))}
          >
            {REMINDERS.map((option) => (
              <option key={option.label} value={option.minutes === null ? "" : String(option.minutes)}>
                {option.label}
              </option>
            ))}
            {reminder !== null && !REMINDERS.some((option) => option.minutes === reminder) && (
              <option value={String(reminder)}>{labels.reminder(reminder)}</option>
            )}
          </Select>
        </Field>
      </div>
      <div className={styles.row}>
        <Field label={t("repeats")}>
          <Select value={repeat} onChange={(_event, data) => setRepeat(data.value as RepeatChoice)}>
            {REPEATS.map((choice) => (
              <option key={choice} value={choice}>
                {repeatLabel(choice, day, activitiesT)}
              </option>
            ))}
          </Select>
        </Field>
        {repeat !== "never" && (
          <Field label={t("occurrences")}>
            <Input type="number" min={2} max={999} value={count} onChange={(_event, data) => setCount(data.value)} />
          </Field>
        )}
      </div>
      {type === "MEETING" && (
        <Switch label={t("teamsMeeting")} checked={teams} onChange={(_event, data) => setTeams(data.checked)} />
      )}
      {error !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{errorMessage(error)}</MessageBarBody>
        </MessageBar>
      )}
      {consent.warning}
      {askPast && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>
            {t("pastAsk")}
            <Field label={t("outcome")}>
              <Input value={outcome} onChange={(_event, data) => setOutcome(data.value)} maxLength={2000} />
            </Field>
            <div className={layout.buttons}>
              <Button appearance="primary" disabled={saving} onClick={() => void save("FINISHED")}>
                {t("logAsDone")}
              </Button>
              <Button disabled={saving} onClick={() => void save("PLANNED")}>
                {t("keepPlanned")}
              </Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={layout.buttons}>
        <Button appearance="primary" type="submit" disabled={saving || askPast || !title.trim() || !day || !time}>
          {saving ? common("saving") : t("saveActivity")}
        </Button>
        <Button onClick={onCancel}>{common("cancel")}</Button>
      </div>
    </form>
  );
}
