import { Badge, Button, Text } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useServices } from "../../shared/services-context";
import { ErrorState, Loading } from "../../shared/state-views";
import { useLayoutStyles } from "../../shared/layout-styles";
import { useAsync } from "../../shared/use-async";
import { QuestionSetForm } from "./question-set-form";

/** Admins only: every question set, inactive ones too, to create one or change one at a time. */
export function ProfilingSetsEditor({ onChanged, onClose }: { onChanged: () => void; onClose: () => void }) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("profiling");
  const { t: common } = useTranslation("common");
  const { api } = useServices();
  const sets = useAsync(() => api.allProfilingSets(), []);
  const [open, setOpen] = useState<string | "new" | null>(null);
  if (sets.status === "loading") return <Loading label={t("loadingSets")} />;
  if (sets.status === "error") return <ErrorState error={sets.error} onRetry={sets.reload} />;

  const saved = () => {
    setOpen(null);
    sets.reload();
    onChanged();
  };
  const editing = sets.data.items.find((set) => set.id === open);
  if (open === "new") return <QuestionSetForm onSaved={saved} onCancel={() => setOpen(null)} />;
  if (editing) return <QuestionSetForm key={editing.id} set={editing} onSaved={saved} onCancel={() => setOpen(null)} />;
  return (
    <section className={layout.form} aria-label={t("sets")}>
      <Text as="h3" weight="semibold" size={400}>
        {t("sets")}
      </Text>
      <ul className={layout.list}>
        {sets.data.items.map((set) => (
          <li key={set.id} className={layout.buttons}>
            <Text>
              {t("setLine", { name: set.name, count: set.questions.filter((question) => !question.archived).length })}
            </Text>
            {!set.active && <Badge appearance="outline">{t("inactive")}</Badge>}
            <Button
              size="small"
              appearance="subtle"
              aria-label={common("editWhat", { what: set.name })}
              onClick={() => setOpen(set.id)}
            >
              {common("edit")}
            </Button>
          </li>
        ))}
      </ul>
      <div className={layout.buttons}>
        <Button size="small" onClick={() => setOpen("new")}>
          {t("newSet")}
        </Button>
        <Button size="small" appearance="subtle" onClick={onClose}>
          {t("close")}
        </Button>
      </div>
    </section>
  );
}
