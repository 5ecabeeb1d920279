import { type ComponentType, type ReactNode, lazy } from "react";
import type { RecordTabContext } from "../../shared/record-tab.types";
import type { en } from "../../i18n/en";
import { recordExtras } from "./record-extras-chunk";
import { SectionsSkeleton } from "./record-skeleton";

/** One tab of the record; RECORD_TABS lists them in the order the pane shows them. */
export interface RecordTab {
  value: string;
  /** Its name, from the record catalog's tabs. */
  label: keyof (typeof en)["record"]["tabs"];
  render: (context: RecordTabContext) => ReactNode;
}

/** A tab whose code is fetched the first time it is opened (record-view.tsx shows a spinner meanwhile). */
function onDemand<Name extends string>(load: () => Promise<Record<Name, ComponentType<RecordTabContext>>>, name: Name) {
  return lazy(async () => ({ default: (await load())[name] }));
}

// Opening an email needs only the Overview: the other tabs stay out of the pane's first download,
// which Outlook fetches before the pane can draw anything.
const SalesDocumentsTab = onDemand(() => import("../sales-documents/index.js"), "SalesDocumentsTab");
const TimelineTab = onDemand(() => import("../timeline/index.js"), "TimelineTab");
const DetailsTab = onDemand(() => import("./details-tab.js"), "DetailsTab");
const ProfilingTab = onDemand(() => import("../profiling/index.js"), "ProfilingTab");
const FilesTab = onDemand(() => import("../attachments/index.js"), "FilesTab");

/** The Overview's sections come in the record's extras chunk (preloaded while the pane signs in). */
function OverviewTab(context: RecordTabContext) {
  const extras = recordExtras.use();
  return extras ? <extras.OverviewTab {...context} /> : <SectionsSkeleton />;
}

// The record is long and the pane is narrow: the everyday parts first, the rest one tab away.
// Each feature adds its tab here.
export const RECORD_TABS: RecordTab[] = [
  { value: "overview", label: "overview", render: (context) => <OverviewTab {...context} /> },
  { value: "quotes", label: "quotes", render: (context) => <SalesDocumentsTab {...context} /> },
  { value: "timeline", label: "timeline", render: (context) => <TimelineTab {...context} /> },
  { value: "details", label: "details", render: (context) => <DetailsTab {...context} /> },
  { value: "profile", label: "profile", render: (context) => <ProfilingTab {...context} /> },
  { value: "files", label: "files", render: (context) => <FilesTab {...context} /> },
];
