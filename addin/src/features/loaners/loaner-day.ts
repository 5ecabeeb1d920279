import { dayInZone } from "contract/zoned-time";

/** Today as the signed-in user lives it (their time zone from /api/me): what "overdue" and the return's default are read against. */
export const todayIn = (timeZone: string) => dayInZone(new Date(), timeZone);
