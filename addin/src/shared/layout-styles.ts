import { makeStyles, tokens } from "@fluentui/react-components";

/** The few layouts every section and form of the narrow pane shares. */
export const useLayoutStyles = makeStyles({
  /** Stacked items without bullets. */
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  /** One entry of a list: its lines under each other. */
  item: { display: "flex", flexDirection: "column" },
  /** Form fields under each other. */
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  /** A row of buttons that wraps when the pane is narrow. */
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});
