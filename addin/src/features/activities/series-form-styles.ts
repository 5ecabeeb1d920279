import { inputClassNames, makeStyles, selectClassNames, tokens } from "@fluentui/react-components";

/**
 * The series forms sit indented in the activity list of a 320 px pane: two fields share a row while
 * they fit, and wrap under each other before the pane would scroll sideways. A Fluent input is as
 * wide as its native input's default size (about 200 px) unless told it may shrink.
 */
export const useSeriesFormStyles = makeStyles({
  row: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    "& > *": { flex: "1 1 112px", minWidth: 0 },
    [`& .${inputClassNames.root}, & .${selectClassNames.root}`]: { minWidth: 0 },
    [`& .${inputClassNames.input}`]: { width: "100%" },
  },
});
