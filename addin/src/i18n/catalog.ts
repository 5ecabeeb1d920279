/**
 * A language's catalog has exactly the keys of the English one, each a string: German is typed
 * `Catalog<typeof en>`, so a key missing or extra in either is a type error (and
 * test/addin/catalogs.test.ts checks the same at run time, empty values too).
 */
export type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };
