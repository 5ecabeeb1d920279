import { TimelineTab } from "../timeline/timeline-tab";
import { DetailsTab } from "../details/details-tab";
import { SalesDocumentsTab } from "../sales-documents/sales-documents-tab";
import { ProfilingTab } from "../profiling/profiling-tab";
import { FilesTab } from "../attachments/files-tab";
import { OverviewTab } from "./overview-tab";
import type { RecordTab } from "./record-tab.types";

// The record is long and the pane is narrow: the everyday parts first, the rest one tab away.
// Each feature adds its tab here.
export const RECORD_TABS: RecordTab[] = [
  { value: "overview", label: "Overview", render: (context) => <OverviewTab {...context} /> },
  { value: "quotes", label: "Quotes", render: (context) => <SalesDocumentsTab {...context} /> },
  { value: "timeline", label: "Timeline", render: (context) => <TimelineTab {...context} /> },
  { value: "details", label: "Details", render: (context) => <DetailsTab {...context} /> },
  { value: "profile", label: "Profile", render: (context) => <ProfilingTab {...context} /> },
  { value: "files", label: "Files", render: (context) => <FilesTab {...context} /> },
];
