import { Tooltip } from "@fluentui/react-components";

/**
 * The shortcut button's tooltip, in a chunk of its own (shared/shortcut-button.tsx): Fluent's Tooltip
 * brings its positioning engine (react-positioning, floating-ui), which nothing else on the first draw
 * needs. It is drawn beside its button, not around it, so that its arrival does not remount the button
 * (which would take its focus); the button says when it is wanted.
 */
export function ShortcutTip({
  target,
  content,
  visible,
  onHide,
}: {
  target: HTMLElement;
  content: string;
  visible: boolean;
  onHide: () => void;
}) {
  return (
    <Tooltip
      content={content}
      // The button is described by its own hidden text (always there, also before this chunk came).
      relationship="inaccessible"
      visible={visible}
      // Escape, another tooltip taking over, the pointer leaving the tip: Fluent's own reasons to hide.
      onVisibleChange={(_event, data) => {
        if (!data.visible) onHide();
      }}
      // Inside the pane, not past its edge: in Outlook the pane is the whole page and this changes
      // nothing; where a page holds the pane beside other things (the demo host) it keeps the tip in.
      positioning={{
        target,
        position: "above",
        overflowBoundary: target.closest<HTMLElement>("[data-pane-root]") ?? undefined,
      }}
      withArrow
    >
      {null}
    </Tooltip>
  );
}
