import { ThirdParty, ThirdPartyCreate, ThirdPartyList, ThirdPartyUpdate } from "contract";
import { customerSubRecordRoutes } from "../../http/customer-sub-record.routes";
import type { ThirdPartiesService } from "./third-parties.service";

export function thirdPartiesRoutes(service: ThirdPartiesService) {
  return customerSubRecordRoutes(service, {
    collection: "third-parties",
    tag: "third parties",
    schemas: { item: ThirdParty, list: ThirdPartyList, create: ThirdPartyCreate, update: ThirdPartyUpdate },
    summaries: {
      list: "A customer's third parties (by role, then name)",
      create: "Add a third party (name and role mandatory; contract number and period optional)",
      update: "Change a third party; send the version you loaded",
      delete: "Remove a third party",
    },
  });
}
