import type { TimelinePage, TimelineQuery } from "contract";
import type { CustomerAccess } from "../../shared/ports/customer-access.port";
import type { TimelineRepository } from "./timeline.repository";

export interface TimelineService {
  /** One customer's history and future, latest first (404 unless the customer exists). */
  page(customerId: string, query: TimelineQuery): Promise<TimelinePage>;
}

export function createTimelineService(timeline: TimelineRepository, customers: CustomerAccess): TimelineService {
  return {
    async page(customerId, query) {
      await customers.require(customerId);
      return timeline.page(customerId, query);
    },
  };
}
