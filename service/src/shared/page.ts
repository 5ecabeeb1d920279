/** A page of a listing, as the contract's pageOf() describes it. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** What a repository found (its rows and their count), as the page the query asked for. */
export const pageOf = <T>(found: { items: T[]; total: number }, query: { limit: number; offset: number }): Page<T> => ({
  ...found,
  limit: query.limit,
  offset: query.offset,
});
