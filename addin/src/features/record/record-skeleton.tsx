import { Skeleton, SkeletonItem, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";

const useStyles = makeStyles({
  skeleton: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  name: { width: "70%" },
  line: { width: "90%" },
  short: { width: "55%" },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS },
  button: { width: "96px" },
});

/** The record's shape while it loads: the name, its lines and the main actions, where they will be. */
export function RecordSkeleton() {
  const styles = useStyles();
  const { t } = useTranslation("record");
  return (
    <div role="progressbar" aria-label={t("loadingRecord")}>
      <Skeleton className={styles.skeleton} aria-hidden>
        <SkeletonItem size={28} className={styles.name} />
        <SkeletonItem size={16} className={styles.line} />
        <SkeletonItem size={16} className={styles.short} />
        <SkeletonItem size={16} className={styles.line} />
        <div className={styles.buttons}>
          <SkeletonItem size={32} className={styles.button} />
          <SkeletonItem size={32} className={styles.button} />
          <SkeletonItem size={32} className={styles.button} />
        </div>
      </Skeleton>
    </div>
  );
}

/** The Overview's sections while their code arrives (it is preloaded, so this is rarely seen). */
export function SectionsSkeleton() {
  const styles = useStyles();
  const { t } = useTranslation("record");
  return (
    <div role="progressbar" aria-label={t("loadingTab", { tab: t("tabs.overview") })}>
      <Skeleton className={styles.skeleton} aria-hidden>
        <SkeletonItem size={16} className={styles.short} />
        <SkeletonItem size={16} className={styles.line} />
        <SkeletonItem size={16} className={styles.line} />
      </Skeleton>
    </div>
  );
}
