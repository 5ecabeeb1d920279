import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * The series forms sit indented in the activity list of a 320 px pane: two fields share a row while
 * they fit, and wrap under each other before the pane would scroll sideways.
 */
export const useSeriesFormStyles = makeStyles({
  row: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    "& > *": { flex: "1 1 112px", minWidth: 0 },
  },
});
