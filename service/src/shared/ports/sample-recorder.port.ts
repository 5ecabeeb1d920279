import type { SampleHandOver } from "contract";
import type { CurrentUser } from "../../auth/current-user";
import type { Prisma } from "../../generated/prisma/client";

/** The activity a write in its transaction belongs to, as saved. */
export interface SavedActivity {
  id: string;
  startsAt: Date;
}

/** More to write in the transaction that saves an activity (after the activity is written). */
export type InTransaction = (tx: Prisma.TransactionClient, activity: SavedActivity) => Promise<void>;

/**
 * What activities ask of the samples feature (features/samples meets it, app.ts hands it on): check
 * the samples handed over at a call or visit and give back their write, which the activity's own
 * transaction runs, so a call or finish that fails saves no samples and a sample never lacks its call.
 */
export interface SampleRecorder {
  /** 400 naming `field`.<index>.<field> when a sample does not fit the activity's customer or contact. */
  prepare(
    samples: SampleHandOver[],
    activity: { customerId: string | null; contactId: string | null },
    user: CurrentUser,
    field: string,
  ): Promise<InTransaction>;
}
