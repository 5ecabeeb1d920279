// Prisma CLI configuration. The CLI runs offline with its WebAssembly engines and reaches the
// database through a driver adapter: an in-memory PGlite, which is all `migrate diff` needs.
import path from "node:path";
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const { PGlite } = await import("@electric-sql/pglite");
    const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    const open = () => new PGlite({ extensions: { pg_trgm } });
    const factory = new PrismaPGlite(open());
    // `migrate diff --from-migrations` applies each migration to the shadow database as one
    // executeRaw: PGlite's query is one prepared statement, which refuses a script of several, and
    // the adapter's own shadow database has no pg_trgm. So the shadow database is a PGlite with the
    // extension, and a statement without parameters goes through exec, which takes a whole script.
    factory.connectToShadowDb = async () => {
      const shadow = open();
      const adapter = await new PrismaPGlite(shadow).connect();
      const executeRaw = adapter.executeRaw.bind(adapter);
      adapter.executeRaw = async (query) => {
        if (query.args.length > 0) return executeRaw(query);
        await shadow.exec(query.sql);
        return 0;
      };
      return adapter;
    };
    return factory;
  },
});
