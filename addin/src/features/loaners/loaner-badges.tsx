import { Badge, Caption1 } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { type SalesOrder, loanerOverdue } from "contract";
import { useFormat } from "../../i18n";
import { useServices } from "../../shared/services-context";
import { todayIn } from "./loaner-day";

/** An overdue marker by the service's rule, against the user's today. */
export function OverdueBadge({ dueBackOn }: { dueBackOn: string }) {
  const { t } = useTranslation("loaners");
  const { me } = useServices();
  if (!loanerOverdue(dueBackOn, todayIn(me.timeZone))) return null;
  return (
    <Badge appearance="filled" color="danger">
      {t("overdue")}
    </Badge>
  );
}

/** A loaner order's line in the list: due back when (overdue?), or returned when and by whom. */
export function LoanerSummary({ order }: { order: SalesOrder }) {
  const { t } = useTranslation("loaners");
  const format = useFormat();
  if (order.type !== "LOANER") return null;
  const back = order.loanerReturn;
  return (
    <Caption1>
      <Badge appearance="outline" color="informative">
        {t("loaner")}
      </Badge>{" "}
      {back
        ? `${t("returned", { day: format.day(back.returnedOn, "medium"), name: back.returnedBy.name })}${back.remark ? ` · ${back.remark}` : ""}`
        : order.dueBackOn && (
            <>
              {t("dueBack", { day: format.day(order.dueBackOn, "medium") })}{" "}
              {order.status === "OPEN" && <OverdueBadge dueBackOn={order.dueBackOn} />}
            </>
          )}
    </Caption1>
  );
}
