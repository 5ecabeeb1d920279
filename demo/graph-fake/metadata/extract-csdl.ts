import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { XMLParser } from "fast-xml-parser";

// Cuts event.csdl.xml out of Microsoft Graph's full v1.0 metadata (msgraph-metadata's CSDL): the
// types the fake takes in an event body, their base types, and every complex and enum type they
// reference, each copied verbatim, with the Annotations that target them. The fake's schema is checked
// against this excerpt in test/calendar-sync/graph-fake-csdl.test.ts. To refresh it:
//
//   git clone --filter=blob:none https://github.com/microsoftgraph/msgraph-metadata && cd msgraph-metadata
//   git show HEAD:clean_v10_metadata/cleanMetadata.xml > /tmp/graph-v1.0.xml
//   npx tsx demo/graph-fake/metadata/extract-csdl.ts --csdl /tmp/graph-v1.0.xml \
//     --commit "$(git rev-parse HEAD)" --path clean_v10_metadata/cleanMetadata.xml
//
// then run the test: a property or enum member Graph dropped fails it.

/** What the fake writes: event, and the one entity Graph takes inline in an event on create. */
const ROOTS = ["event", "singleValueLegacyExtendedProperty"];
const NAMESPACE = "microsoft.graph";
const ALIAS = "graph";
const KINDS = ["EnumType", "ComplexType", "EntityType"] as const;

interface Node {
  Name?: string;
  Target?: string;
  BaseType?: string;
  Type?: string;
  Property?: Node[];
}

interface Found {
  kind: string;
  node: Node;
  start: number;
  end: number;
}

/** graph.x, microsoft.graph.x or Collection(graph.x) → x; Edm and other namespaces → null. */
function graphName(type: string | undefined): string | null {
  const bare = type?.replace(/^Collection\((.*)\)$/, "$1");
  const match = bare && new RegExp(`^(?:${ALIAS}|${NAMESPACE.replace(".", "\\.")})\\.([A-Za-z0-9_]+)$`).exec(bare);
  if (match) return match[1]!;
  if (bare && !bare.startsWith("Edm.")) throw new Error(`type ${bare} is outside ${NAMESPACE}: extend the extractor`);
  return null;
}

export function extractCsdl(xml: string, source: { commit: string; path: string }): string {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    captureMetaData: true,
    isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  });
  const meta = XMLParser.getMetaDataSymbol() as unknown as symbol;
  const document = parser.parse(xml) as Record<string, [Record<string, [Record<string, Node[]>]>]>;
  const schemas = document["edmx:Edmx"]![0]!["edmx:DataServices"]![0]!["Schema"] as unknown as Record<
    string,
    unknown
  >[];
  const schema = schemas.find((item) => item.Namespace === NAMESPACE);
  if (!schema) throw new Error(`no Schema ${NAMESPACE} in the file`);

  const where = (node: Node) => (node as unknown as Record<symbol, { startIndex: number; endIndex: number }>)[meta]!;
  const types = new Map<string, Found>();
  for (const kind of KINDS)
    for (const node of (schema[kind] as Node[] | undefined) ?? [])
      types.set(node.Name!, { kind, node, start: where(node).startIndex, end: where(node).endIndex });

  // Base types and structural properties' types, transitively; navigation properties lead to other
  // entity sets Graph serves itself, so they are kept as written but not followed.
  const wanted = new Set<string>();
  const visit = (name: string) => {
    if (wanted.has(name)) return;
    const found = types.get(name);
    if (!found) throw new Error(`type ${name} is not in ${NAMESPACE}`);
    wanted.add(name);
    const base = graphName(found.node.BaseType);
    if (base) visit(base);
    for (const property of found.node.Property ?? []) {
      const type = graphName(property.Type);
      if (type) visit(type);
    }
  };
  ROOTS.forEach(visit);

  // Out-of-line annotations may sit in any Schema of the file (Graph keeps many in identityGovernance's).
  const targetOf = (target: string) => /^(?:graph|microsoft\.graph)\.([A-Za-z0-9_]+)(?:\/|$)/.exec(target)?.[1];
  const annotations = schemas
    .flatMap((item) => (item.Annotations as Node[] | undefined) ?? [])
    .filter((node) => wanted.has(targetOf(node.Target!) ?? ""))
    .map((node) => ({ kind: "Annotations", node, start: where(node).startIndex, end: where(node).endIndex }));

  const elements = [...[...wanted].map((name) => types.get(name)!), ...annotations].sort((a, b) => a.start - b.start);
  const text = elements.map(({ kind, start, end }) => {
    const from = xml.lastIndexOf("\n", start) + 1;
    const element = xml.slice(from, end).trimEnd();
    if (!element.endsWith(`</${kind}>`) && !element.endsWith("/>"))
      throw new Error(`could not cut ${kind} at ${start}: ${element.slice(-40)}`);
    return element;
  });

  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<!--`,
    `  An excerpt of Microsoft Graph's v1.0 metadata (CSDL), copied verbatim: ${ROOTS.join(", ")}, their base types,`,
    `  every complex and enum type they reference, and the Annotations that target them.`,
    `  Source: https://github.com/microsoftgraph/msgraph-metadata/blob/${source.commit}/${source.path}`,
    `  Repository commit: ${source.commit}`,
    `  Path: ${source.path}`,
    `  Regenerate with demo/graph-fake/metadata/extract-csdl.ts (do not edit by hand).`,
    `-->`,
    `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">`,
    `  <edmx:DataServices>`,
    `    <Schema Namespace="${NAMESPACE}" Alias="${ALIAS}" xmlns="http://docs.oasis-open.org/odata/ns/edm">`,
    ...text,
    `    </Schema>`,
    `  </edmx:DataServices>`,
    `</edmx:Edmx>`,
    ``,
  ].join("\n");
}

function main() {
  const { values } = parseArgs({
    options: {
      csdl: { type: "string" },
      commit: { type: "string" },
      path: { type: "string", default: "clean_v10_metadata/cleanMetadata.xml" },
      out: { type: "string", default: path.join(__dirname, "event.csdl.xml") },
    },
  });
  if (!values.csdl || !values.commit || !/^[0-9a-f]{40}$/.test(values.commit)) {
    process.stderr.write("usage: extract-csdl.ts --csdl FULL.xml --commit SHA [--path PATH] [--out FILE]\n");
    process.exit(2);
  }
  const xml = readFileSync(values.csdl, "utf8").replace(/^\uFEFF/, "");
  writeFileSync(values.out, extractCsdl(xml, { commit: values.commit, path: values.path }));
  process.stdout.write(`wrote ${values.out}\n`);
}

if (require.main === module) main();
