// Prints a bearer token from the development issuer:
//   npm run token -- --email alice@contoso.com [--role salesman|manager|admin] [--name "Alice Wagner"]
// The service accepts it while it runs without production auth (AUTH_TENANT_ID unset), with the same DATA_DIR.
import { parseArgs } from "node:util";
import { Role } from "contract";
import { loadOrCreateDevKeys, signDevToken } from "../service/src/auth/dev-issuer";
import { loadConfig } from "../service/src/config";

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      role: { type: "string", default: "salesman" },
      name: { type: "string" },
      expires: { type: "string", default: "8h" },
    },
  });
  const role = Role.safeParse(values.role?.toUpperCase());
  if (!values.email || !/^[^@\s]+@[^@\s]+$/.test(values.email) || !role.success) {
    console.error("usage: npm run token -- --email alice@contoso.com [--role salesman|manager|admin] [--name NAME]");
    process.exit(2);
  }
  const config = loadConfig();
  if (config.auth.mode !== "development") {
    console.error("AUTH_TENANT_ID is set: the service trusts Entra ID only, not development tokens.");
    process.exit(2);
  }
  const keys = await loadOrCreateDevKeys(config.dataDir);
  process.stdout.write(
    `${await signDevToken(keys, { email: values.email, name: values.name, role: role.data, expiresIn: values.expires })}\n`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
