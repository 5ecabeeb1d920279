import { Caption1, Text } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Sample } from "contract";
import { useFormat } from "../../i18n";
import { useLayoutStyles } from "../../shared/layout-styles";
import { useServices } from "../../shared/services-context";
import { EmptyState } from "../../shared/state-views";

/** Which samples went to whom, newest first (the record carries the latest few). */
export function SamplesSection({ samples }: { samples: Sample[] }) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("samples");
  const format = useFormat();
  const { me } = useServices();
  return (
    <section className={layout.form} aria-labelledby="samples-heading">
      <Text id="samples-heading" as="h3" weight="semibold" size={400}>
        {t("heading")}
      </Text>
      {samples.length === 0 ? (
        <EmptyState>{t("none")}</EmptyState>
      ) : (
        <ul className={layout.list} aria-labelledby="samples-heading">
          {samples.map((sample) => (
            <li key={sample.id} className={layout.item}>
              <Text>{t("line", { quantity: sample.quantity, item: sample.description ?? sample.itemCode })}</Text>
              <Caption1>
                {[
                  sample.itemCode,
                  t("batchOf", { batch: sample.batch }),
                  sample.contact.name,
                  format.date(sample.handedOverAt, me.timeZone),
                ].join(" · ")}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
