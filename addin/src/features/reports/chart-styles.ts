import { makeStyles, tokens } from "@fluentui/react-components";

/** The record's small bar charts (contacts, adoption pathway): one look, drawn in theme colours. */
export const useChartStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  chart: { width: "100%", height: "auto", display: "block" },
  label: { fill: tokens.colorNeutralForeground3, fontSize: "9px" },
  axis: { stroke: tokens.colorNeutralStroke2 },
  legend: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  swatch: {
    display: "inline-block",
    width: "10px",
    height: "10px",
    marginInlineEnd: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusSmall,
  },
  // Read by screen readers, not drawn: the numbers behind the bars.
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});
