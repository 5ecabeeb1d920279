/** "?a=1&b=x" from pairs, repeated keys kept in order; empty and undefined values left out. */
export function queryString(params: [string, string | number | boolean | undefined][]): string {
  const search = new URLSearchParams();
  for (const [key, value] of params) if (value !== undefined && value !== "") search.append(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}
