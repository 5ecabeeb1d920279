import { Button, Caption1, Checkbox, Text } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Action } from "contract";
import { useServices } from "../../shared/services-context";
import { EmptyState } from "../../shared/state-views";
import { useLayoutStyles } from "../../shared/layout-styles";
import { ActionForm, type ActionTargets } from "./action-form";
import { type QuickChange, useAwaitedVersion } from "./quick-change";

/** Actions with a one-click done (and reopen) and an edit form each. */
export function ActionList({
  actions,
  label,
  empty,
  targets,
  quick,
  reload,
}: {
  actions: Action[];
  label: string;
  empty: string;
  targets: ActionTargets;
  quick: QuickChange;
  reload: () => void;
}) {
  const layout = useLayoutStyles();
  if (actions.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <ul className={layout.list} aria-label={label}>
      {actions.map((action) => (
        <ActionRow key={action.id} action={action} targets={targets} quick={quick} reload={reload} />
      ))}
    </ul>
  );
}

function ActionRow({
  action,
  targets,
  quick,
  reload,
}: {
  action: Action;
  targets: ActionTargets;
  quick: QuickChange;
  reload: () => void;
}) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("sales", { keyPrefix: "action" });
  const { api } = useServices();
  const [editing, setEditing] = useState(false);
  const shown = useAwaitedVersion(action.version);
  return (
    <li className={layout.item}>
      <div className={layout.buttons}>
        <Checkbox
          label={<Text strikethrough={action.done}>{action.title}</Text>}
          aria-label={t("done", { title: action.title })}
          checked={action.done}
          disabled={quick.saving || shown.waiting}
          onChange={() =>
            void quick.run(async () =>
              shown.saved(await api.updateAction(action.id, { done: !action.done, version: action.version })),
            )
          }
        />
        <Button
          size="small"
          appearance="subtle"
          aria-label={t("editWhat", { title: action.title })}
          aria-expanded={editing}
          onClick={() => setEditing(!editing)}
        >
          {t("edit")}
        </Button>
      </div>
      <Caption1>
        {action.dueDate ? t("due", { day: action.dueDate }) : t("noDue")} · {action.owner.name}
        {action.done ? t("isDone") : ""}
      </Caption1>
      {editing && (
        <ActionForm
          targets={targets}
          action={action}
          onSaved={() => {
            setEditing(false);
            reload();
          }}
          onCancel={() => setEditing(false)}
          reload={reload}
        />
      )}
    </li>
  );
}
