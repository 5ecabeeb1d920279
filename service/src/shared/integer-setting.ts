/**
 * A whole-number setting from the environment, refused at start-up with the variable named when it
 * is not a whole number of at least `min`. Only an absent value (`undefined`) takes the fallback;
 * a caller that also treats an empty value as absent passes `env[name] || undefined`.
 */
export function integerSetting(raw: string | undefined, name: string, fallback: number, min: number): number {
  const value = Number(raw ?? fallback);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`${name} must be a whole number of at least ${min}, got ${raw}`);
  return value;
}
