import { Caption1, Text } from "@fluentui/react-components";
import { useFormat } from "../../i18n";
import type { LifecycleChange } from "contract";
import { useServices } from "../../shared/services-context";
import { EmptyState } from "../../shared/state-views";
import { useLayoutStyles } from "../../shared/layout-styles";

const TRANSITION: Record<LifecycleChange["transition"], string> = {
  RELEASE: "Released",
  APPROVE: "Approved",
  DECLINE: "Declined",
};

/** Every lifecycle transition, newest first: what, who, when, and why a release was declined. */
export function LifecycleHistory({ history }: { history: LifecycleChange[] }) {
  const format = useFormat();
  const layout = useLayoutStyles();
  const { me } = useServices();
  return (
    <section className={layout.form} aria-labelledby="lifecycle-history-heading">
      <Text id="lifecycle-history-heading" as="h3" weight="semibold" size={400}>
        Lifecycle history
      </Text>
      {history.length === 0 ? (
        <EmptyState>No transitions yet.</EmptyState>
      ) : (
        <ul className={layout.list} aria-label="Lifecycle transitions">
          {history.map((change) => (
            <li key={change.id} className={layout.item}>
              <Text>
                {TRANSITION[change.transition]} ({change.from.toLowerCase()} → {change.to.toLowerCase()})
              </Text>
              <Caption1>
                {change.changedBy.name} · {format.dateTime(change.changedAt, me.timeZone)}
                {change.reason ? ` · reason: ${change.reason}` : ""}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
