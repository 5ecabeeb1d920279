import { search } from "./search";
import { sales } from "./sales";
import { activities } from "./activities";
import { notes } from "./notes";
import { comments } from "./comments";
import { timeline } from "./timeline";
import { contacts } from "./contacts";
import { customers } from "./customers";
import { profiling } from "./profiling";
import { attachments } from "./attachments";
import { shipTo } from "./ship-to";
import { thirdParties } from "./third-parties";
import { salesDocuments } from "./sales-documents";
import { loaners } from "./loaners";
import { items } from "./items";
import { reports } from "./reports";
import { samples } from "./samples";
import { payments } from "./payments";
import { adoption } from "./adoption";

/**
 * The English namespaces of what comes after the first draw (tabs, sections, forms, reports): a chunk
 * of its own, fetched as the pane starts (i18n/catalogs.ts), before the chunks of code that use them.
 */
export const enLater = {
  search,
  sales,
  activities,
  notes,
  comments,
  timeline,
  contacts,
  customers,
  profiling,
  attachments,
  shipTo,
  thirdParties,
  salesDocuments,
  loaners,
  items,
  reports,
  samples,
  payments,
  adoption,
};
