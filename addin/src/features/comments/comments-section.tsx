import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n";
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
import { useState } from "react";
import type { CustomerComment } from "contract";
import { useServices } from "../../shared/services-context";
import { EmptyState } from "../../shared/state-views";
import { useErrorMessage } from "../../shared/error-message";
import { useLayoutStyles } from "../../shared/layout-styles";
import { may } from "../../shared/may";
import { CommentForm } from "./comment-form";

const useStyles = makeStyles({
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  comment: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  pinned: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteYellowBorder2}`,
  },
  // A badge in a column would stretch across the whole comment.
  badge: { alignSelf: "flex-start" },
  // Plain text as typed: line breaks kept, nothing interpreted as markup.
  body: { whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
});

/** Short remarks on the customer everyone should see first; pinned ones stay on top, highlighted. */
export function CommentsSection({
  customerId,
  comments,
  onChanged,
}: {
  customerId: string;
  comments: CustomerComment[];
  onChanged: () => void;
}) {
  const layout = useLayoutStyles();
  const styles = useStyles();
  const { t } = useTranslation("comments");
  const { api } = useServices();
  const [adding, setAdding] = useState(false);

  return (
    <section className={layout.form} aria-label={t("section")}>
      <div className={styles.header}>
        <Text as="h3" weight="semibold" size={400}>
          {t("heading")}
        </Text>
        <Button size="small" aria-expanded={adding} onClick={() => setAdding(!adding)}>
          {t("add")}
        </Button>
      </div>
      {adding && (
        <CommentForm
          label={t("newForm")}
          offerPin
          onSubmit={async (body, pinned) => {
            await api.createComment(customerId, { body, pinned });
            setAdding(false);
            onChanged();
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      {comments.length === 0 ? (
        !adding && <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className={layout.list}>
          {comments.map((comment) => (
            <CommentItem key={comment.id} comment={comment} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </section>
  );
}

function CommentItem({ comment, onChanged }: { comment: CustomerComment; onChanged: () => void }) {
  const format = useFormat();
  const { t } = useTranslation("comments");
  const errorMessage = useErrorMessage();
  const layout = useLayoutStyles();
  const styles = useStyles();
  const { api, me } = useServices();
  const [mode, setMode] = useState<"view" | "edit" | "confirm-delete">("view");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The service lets the author, managers and admins change a comment; others only read it.
  const mayChange = may(me, "comments:change", { ownerId: comment.author.id });

  const run = async (change: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await change();
      setMode("view");
      onChanged();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li
      className={`${styles.comment} ${comment.pinned ? styles.pinned : ""}`}
      aria-label={comment.pinned ? t("pinnedComment") : t("comment")}
    >
      {mode === "edit" ? (
        <CommentForm
          label={t("editForm")}
          initialBody={comment.body}
          offerPin={false}
          onSubmit={async (body) => {
            await api.updateComment(comment.id, { version: comment.version, body });
            setMode("view");
            onChanged();
          }}
          onCancel={() => setMode("view")}
        />
      ) : (
        <>
          {comment.pinned && (
            <Badge className={styles.badge} appearance="tint" color="warning" size="small">
              {t("pinned")}
            </Badge>
          )}
          <Text className={styles.body}>{comment.body}</Text>
          <Caption1>
            {comment.author.name} · {format.dateTime(comment.createdAt, me.timeZone)}
          </Caption1>
        </>
      )}
      {mayChange && mode === "view" && (
        <div className={layout.buttons}>
          <Button size="small" appearance="subtle" disabled={busy} onClick={() => setMode("edit")}>
            {t("edit")}
          </Button>
          <Button
            size="small"
            appearance="subtle"
            disabled={busy}
            onClick={() =>
              void run(() => api.updateComment(comment.id, { version: comment.version, pinned: !comment.pinned }))
            }
          >
            {comment.pinned ? t("unpin") : t("pin")}
          </Button>
          <Button size="small" appearance="subtle" disabled={busy} onClick={() => setMode("confirm-delete")}>
            {t("delete")}
          </Button>
        </div>
      )}
      {mode === "confirm-delete" && (
        <div className={layout.buttons} role="group" aria-label={t("deleteAsk")}>
          <Text>{t("deleteAsk")}</Text>
          <Button
            size="small"
            appearance="primary"
            disabled={busy}
            onClick={() => void run(() => api.deleteComment(comment.id))}
          >
            {t("deleteComment")}
          </Button>
          <Button size="small" disabled={busy} onClick={() => setMode("view")}>
            {t("keep")}
          </Button>
        </div>
      )}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </li>
  );
}
