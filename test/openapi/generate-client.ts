// Types for a client generated from the service's OpenAPI document, as a team using the service
// would make them: openapi-typescript's Node API, with binary bodies (uploads, downloads) as Blob
// (the transform the openapi-typescript documentation gives for files).
//   npx tsx test/openapi/generate-client.ts openapi.json crm-api.d.ts
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";

const BLOB = ts.factory.createTypeReferenceNode("Blob");

async function main() {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) throw new Error("usage: generate-client.ts <openapi.json> <out.d.ts>");
  const ast = await openapiTS(pathToFileURL(path.resolve(input)), {
    // Nothing but the generation: the document is linted on its own with redocly.yaml.
    silent: true,
    transform: (schema) => (schema.format === "binary" ? BLOB : undefined),
  });
  fs.writeFileSync(output, astToString(ast));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
