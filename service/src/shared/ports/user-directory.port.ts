/**
 * What other features ask of users (owners, salesmen), instead of reaching into their repository.
 * features/users implements it (user-directory.ts); app.ts hands it on.
 */
export interface UserDirectory {
  /** 404 unless the user exists, naming `field` (body.ownerId unless given). */
  require(userId: string, field?: string): Promise<void>;
  /** The ids among these that are users, for checking a list of them at once. */
  existingIds(ids: string[]): Promise<string[]>;
}
