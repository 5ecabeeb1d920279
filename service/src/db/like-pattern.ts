/**
 * A user's search term as a LIKE/ILIKE operand that matches it literally: `%`, `_` and `\` are
 * escaped with PostgreSQL's default escape character (\). Prisma's `contains` does not escape them
 * (it passes the value into `LIKE '%' || $1 || '%'` as is), so every contains on user input goes through this.
 */
export const escapeLike = (term: string) => term.replace(/[\\%_]/g, "\\$&");
