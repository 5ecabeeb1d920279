import { reports } from "./reports";
import { salesDocuments } from "./sales-documents";
import { items } from "./items";
import { attachments } from "./attachments";
import { customers } from "./customers";
import { profiling } from "./profiling";
import { shipTo } from "./ship-to";
import { thirdParties } from "./third-parties";
import { loaners } from "./loaners";
import { samples } from "./samples";
import { payments } from "./payments";
import { adoption } from "./adoption";
import type { Catalog } from "../catalog";
import type { en } from "../en";
import { activities } from "./activities";
import { app } from "./app";
import { comments } from "./comments";
import { common } from "./common";
import { consent } from "./consent";
import { contacts } from "./contacts";
import { emailLog } from "./email-log";
import { lifecycle } from "./lifecycle";
import { notes } from "./notes";
import { participants } from "./participants";
import { record } from "./record";
import { sales } from "./sales";
import { search } from "./search";
import { timeline } from "./timeline";

/** The German catalogs: the same namespaces and keys as the English ones (a type error otherwise). */
export const de: Catalog<typeof en> = {
  common,
  app,
  participants,
  record,
  emailLog,
  search,
  sales,
  activities,
  notes,
  lifecycle,
  comments,
  consent,
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
