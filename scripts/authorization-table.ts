// Rewrites the README's authorisation table from the contract's (contract/authorization.contract.ts):
//   npm run docs:authz
// test/service/authorization.test.ts fails while the README's copy differs from the table.
import fs from "node:fs";
import path from "node:path";
import { permissionsMarkdown } from "contract";

const README = path.resolve(__dirname, "../README.md");
const SECTION = /(<!-- authorization-table:start -->\n)[\s\S]*?(<!-- authorization-table:end -->)/;

const readme = fs.readFileSync(README, "utf8");
if (!SECTION.test(readme)) throw new Error("README.md has no authorization-table markers");
fs.writeFileSync(
  README,
  readme.replace(SECTION, (_all, start: string, end: string) => `${start}${permissionsMarkdown()}\n${end}`),
);
console.log("README.md: authorisation table written");
