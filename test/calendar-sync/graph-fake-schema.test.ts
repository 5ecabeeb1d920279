import path from "node:path";
import ts from "typescript";
import {
  EVENT_READ_ONLY,
  EVENT_WRITABLE,
  type FieldType,
  GRAPH_COMPLEX_TYPES,
  GRAPH_ENUMS,
} from "../../demo/graph-fake/graph-event.schema";

// The fake's `event` schema against Microsoft's published Graph v1.0 metadata: the typings
// @microsoft/microsoft-graph-types, which Microsoft generates from msgraph-metadata's v1.0 CSDL
// (EntityType event, its base types outlookItem and entity, their complex types and enums). Every
// property the fake takes must exist there with the same type, and every enum must have exactly
// Graph's members, so the fake can take nothing Graph would refuse.

const typings = require.resolve("@microsoft/microsoft-graph-types/microsoft-graph.d.ts");
const program = ts.createProgram([typings], { strict: true, noEmit: true });
const checker = program.getTypeChecker();
const source = program.getSourceFile(typings)!;

const declarations = new Map<string, ts.InterfaceDeclaration | ts.TypeAliasDeclaration>();
source.forEachChild((node) => {
  if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) declarations.set(node.name.text, node);
});

const pascal = (name: string) => `${name[0]!.toUpperCase()}${name.slice(1)}`;

/** Graph's properties of an interface (inherited ones included) and each one's type, without null/undefined. */
function graphProperties(name: string): Map<string, string> {
  const declaration = declarations.get(pascal(name));
  if (!declaration || !ts.isInterfaceDeclaration(declaration)) throw new Error(`no type ${name} in Graph's metadata`);
  const type = checker.getTypeAtLocation(declaration.name);
  const result = new Map<string, string>();
  for (const property of checker.getPropertiesOfType(type)) {
    // As written in the typings: NullableOption<FreeBusyStatus> is a FreeBusyStatus that may be null.
    const node = (property.valueDeclaration as ts.PropertySignature).type!;
    const shown = node
      .getText(source)
      .replace(/^NullableOption<(.*)>$/s, "$1")
      .trim();
    result.set(property.name, shown);
  }
  return result;
}

/** How the typings spell a fake field type. */
function expected(type: FieldType): string[] {
  if (type === "string" || type === "date" || type === "dateTimeOffset") return ["string"];
  if (type === "boolean") return ["boolean"];
  if (type === "int32" || type === "double") return ["number"];
  if ("enum" in type) return [pascal(type.enum)];
  if ("complex" in type) return [pascal(type.complex)];
  return expected(type.collection).map((item) => `${item}[]`);
}

function graphEnum(name: string): string[] {
  const declaration = declarations.get(pascal(name));
  if (!declaration || !ts.isTypeAliasDeclaration(declaration)) throw new Error(`no enum ${name} in Graph's metadata`);
  const type = checker.getTypeAtLocation(declaration.name);
  return (type.isUnion() ? type.types : [type]).map((member) => (member as ts.StringLiteralType).value);
}

describe("the Graph fake's schema against Microsoft's Graph v1.0 metadata", () => {
  it("reads the metadata it checks against", () => {
    expect(path.basename(typings)).toBe("microsoft-graph.d.ts");
    expect(graphProperties("event").get("showAs")).toBe("FreeBusyStatus");
  });

  const shapes: [string, string, Record<string, FieldType>][] = [
    ["event (writable)", "event", EVENT_WRITABLE],
    ["event (read-only)", "event", EVENT_READ_ONLY],
    ...Object.entries(GRAPH_COMPLEX_TYPES).map(([name, properties]): [string, string, Record<string, FieldType>] => [
      name,
      name,
      properties,
    ]),
  ];
  it.each(shapes)(
    "%s: every property the fake takes is Graph's, with Graph's type",
    (_label, graphName, properties) => {
      const graph = graphProperties(graphName);
      const wrong = Object.entries(properties).flatMap(([name, type]) => {
        const actual = graph.get(name);
        if (actual === undefined) return [`${name} is not a property of ${graphName}`];
        return expected(type).includes(actual)
          ? []
          : [`${name}: Graph has ${actual}, the fake ${expected(type).join("|")}`];
      });
      expect(wrong).toEqual([]);
    },
  );

  it("models every property of Graph's event, writable or read-only", () => {
    const modelled = new Set([...Object.keys(EVENT_WRITABLE), ...Object.keys(EVENT_READ_ONLY)]);
    // Navigation properties the fake does not serve; a body carrying them is refused.
    const notServed = new Set([
      "attachments",
      "calendar",
      "exceptionOccurrences",
      "extensions",
      "instances",
      "multiValueExtendedProperties",
    ]);
    const missing = [...graphProperties("event").keys()].filter((name) => !modelled.has(name) && !notServed.has(name));
    expect(missing).toEqual([]);
  });

  it.each(Object.entries(GRAPH_ENUMS))("enum %s has exactly Graph's members", (name, members) => {
    expect([...members].sort()).toEqual(graphEnum(name).sort());
  });
});
