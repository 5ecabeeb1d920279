import { ensureAddinBuild } from "../../../scripts/addin-build";

/**
 * The browser project's own global setup, which jest runs only when a browser suite is selected:
 * the pane is built before any suite starts, so a first build on a fresh clone (minutes on two
 * busy cores) is not charged to a suite's hook timeout. An unchanged pane is reused.
 */
export default async function buildPaneForBrowserSuites() {
  await ensureAddinBuild();
}
