import { Button, Select, Text } from "@fluentui/react-components";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Action } from "contract";
import { useLayoutStyles } from "../../shared/layout-styles";
import { ActionForm, type ActionParent, type ActionTargets } from "./action-form";
import { ActionList } from "./action-list";
import { type QuickChange, useAwaitedVersion } from "./quick-change";

/**
 * One opportunity or incident: its summary, a select for the change made most often (stage,
 * state) that saves at once, and when opened its edit form and its actions.
 */
export function SalesItem<T extends string>({
  name,
  summary,
  quickLabel,
  quickValue,
  quickChoices,
  onQuickChange,
  version,
  actions,
  parent,
  targets,
  quick,
  reload,
  renderEdit,
  mayChange,
}: {
  /** The item's title or subject. */
  name: string;
  summary: ReactNode;
  quickLabel: string;
  quickValue: T;
  quickChoices: Record<T, string>;
  onQuickChange: (value: T) => Promise<{ version: number }>;
  version: number;
  actions: Action[];
  parent: ActionParent;
  targets: ActionTargets;
  quick: QuickChange;
  reload: () => void;
  renderEdit: (done: { onSaved: () => void; onCancel: () => void }) => ReactNode;
  /** The authorisation table lets the caller change it (owner, linked salesman, manager, admin). */
  mayChange: boolean;
}) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("sales", { keyPrefix: "item" });
  const [open, setOpen] = useState(false);
  const shown = useAwaitedVersion(version);
  const [form, setForm] = useState<"edit" | "action" | null>(null);
  const close = () => setForm(null);
  const saved = () => {
    close();
    reload();
  };
  return (
    <li className={layout.item}>
      {summary}
      <div className={layout.buttons}>
        {/* Keyed by version: after the reload it shows what is stored, also when the change was refused. */}
        <Select
          key={version}
          size="small"
          aria-label={t("quickOf", { what: quickLabel, name })}
          defaultValue={quickValue}
          disabled={!mayChange || quick.saving || shown.waiting}
          onChange={(_event, data) => void quick.run(async () => shown.saved(await onQuickChange(data.value as T)))}
        >
          {(Object.entries(quickChoices) as [T, string][]).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
        <Button size="small" aria-expanded={open} aria-label={t("openWhat", { name })} onClick={() => setOpen(!open)}>
          {open ? t("close") : t("open")}
        </Button>
      </div>
      {open && (
        <section className={layout.form} aria-label={name}>
          <div className={layout.buttons}>
            {mayChange && (
              <Button
                size="small"
                aria-expanded={form === "edit"}
                onClick={() => setForm(form === "edit" ? null : "edit")}
              >
                {t("edit")}
              </Button>
            )}
            <Button
              size="small"
              aria-expanded={form === "action"}
              onClick={() => setForm(form === "action" ? null : "action")}
            >
              {t("newAction")}
            </Button>
          </div>
          {form === "edit" && renderEdit({ onSaved: saved, onCancel: close })}
          {form === "action" && (
            <ActionForm targets={targets} parent={parent} onSaved={saved} onCancel={close} reload={reload} />
          )}
          <Text weight="semibold">{t("actions")}</Text>
          <ActionList
            actions={actions}
            label={t("actionsOf", { name })}
            empty={t("noActions")}
            targets={targets}
            quick={quick}
            reload={reload}
          />
        </section>
      )}
    </li>
  );
}
