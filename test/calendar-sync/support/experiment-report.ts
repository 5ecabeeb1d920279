/**
 * A fault-injection suite's figures (queued, delivered, lost, duplicated…) on one line, for the
 * write-up of a run: printed with SYNC_FAULT_REPORT=1, silent otherwise. The suites assert the
 * figures that matter; this only shows them.
 */
export function reportExperiment(name: string, figures: Record<string, string | number>) {
  if (process.env.SYNC_FAULT_REPORT !== "1") return;
  const line = Object.entries(figures)
    .map(([label, value]) => `${label}: ${value}`)
    .join(", ");
  process.stdout.write(`\n[experiment] ${name} → ${line}\n`);
}
