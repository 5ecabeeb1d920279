import { Switch } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Action } from "contract";
import { useServices } from "../../shared/services-context";
import { ErrorState, Loading } from "../../shared/state-views";
import { useAsync } from "../../shared/use-async";
import type { ActionTargets } from "./action-form";
import { ActionList } from "./action-list";
import type { QuickChange } from "./quick-change";

/** Done actions of the customer on request, so one ticked off by mistake can be reopened in one click. */
export function DoneActions({
  openActions,
  ...shared
}: {
  /** The record's open actions: a new list after every reload, which loads the done ones again. */
  openActions: Action[];
  targets: ActionTargets;
  quick: QuickChange;
  reload: () => void;
}) {
  const { t } = useTranslation("sales", { keyPrefix: "action" });
  const [shown, setShown] = useState(false);
  return (
    <>
      <Switch label={t("showDone")} checked={shown} onChange={(_event, data) => setShown(data.checked)} />
      {shown && <DoneList openActions={openActions} {...shared} />}
    </>
  );
}

function DoneList({
  openActions,
  ...shared
}: {
  openActions: Action[];
  targets: ActionTargets;
  quick: QuickChange;
  reload: () => void;
}) {
  const { t } = useTranslation("sales", { keyPrefix: "action" });
  const { api } = useServices();
  const customerId = shared.targets.customer.id;
  const all = useAsync(() => api.actions({ customerId, open: "false" }), [customerId, openActions]);
  if (all.status === "loading") return <Loading label={t("loadingDone")} />;
  if (all.status === "error") return <ErrorState error={all.error} onRetry={all.reload} />;
  return (
    <ActionList
      actions={all.data.items.filter((action) => action.done)}
      label={t("doneOfCustomer")}
      empty={t("noDone")}
      {...shared}
    />
  );
}
