import { readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import {
  EVENT_READ_ONLY,
  EVENT_WRITABLE,
  type FieldType,
  GRAPH_COMPLEX_TYPES,
  GRAPH_ENUMS,
  GRAPH_NOT_NULL,
} from "../../demo/graph-fake/graph-event.schema";
import { validateEventBody } from "../../demo/graph-fake/graph-validation";

// The fake's `event` schema against Microsoft's own Graph v1.0 metadata: an excerpt of
// msgraph-metadata's CSDL (demo/graph-fake/metadata/event.csdl.xml, cut verbatim by extract-csdl.ts,
// source commit and path in its header). Every property the fake takes must be declared there with
// the same type, collection-ness and nullability, every enum member it takes must be a member there,
// and what the metadata declares as navigation is refused in a body. The metadata does not say which
// structural properties are read-only (the docs do, in prose), so that split is the docs' and the
// typings' test's; here both halves together must cover event's properties exactly.

const excerpt = readFileSync(path.join(__dirname, "../../demo/graph-fake/metadata/event.csdl.xml"), "utf8");

interface Element {
  Name?: string;
  Type?: string;
  Nullable?: string;
  BaseType?: string;
  Target?: string;
  Term?: string;
  Property?: Element[];
  NavigationProperty?: Element[];
  Member?: Element[];
  Key?: { PropertyRef: Element[] }[];
  Annotation?: Element[];
  Record?: Element[];
  PropertyValue?: (Element & { Property: string; Bool?: string })[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});
const document = parser.parse(excerpt) as { "edmx:Edmx": { "edmx:DataServices": { Schema: Element[] }[] }[] };
const schema = document["edmx:Edmx"][0]!["edmx:DataServices"][0]!.Schema[0]! as Record<string, Element[]>;

const enums = new Map((schema.EnumType ?? []).map((node) => [node.Name!, node.Member!.map((member) => member.Name!)]));
const structured = new Map(
  [...(schema.ComplexType ?? []), ...(schema.EntityType ?? [])].map((node) => [node.Name!, node]),
);
const local = (name: string) => name.replace(/^(microsoft\.graph|graph)\./, "");

interface Declared {
  type: string;
  nullable: boolean;
  navigation: boolean;
}

/** A type's properties as the metadata declares them, inherited ones included. */
function declared(name: string): Map<string, Declared> {
  const node = structured.get(name);
  if (!node) throw new Error(`no type ${name} in the metadata excerpt`);
  const own = [
    ...(node.Property ?? []).map((property) => ({ property, navigation: false })),
    ...(node.NavigationProperty ?? []).map((property) => ({ property, navigation: true })),
  ].map(({ property, navigation }): [string, Declared] => [
    property.Name!,
    { type: property.Type!, nullable: property.Nullable !== "false", navigation },
  ]);
  return new Map([...(node.BaseType ? declared(local(node.BaseType)) : []), ...own]);
}

/** A metadata type, spelled so the kind shows: Collection(enum importance), complex location, Edm.String. */
function spell(type: string): string {
  const collection = /^Collection\((.*)\)$/.exec(type);
  if (collection) return `Collection(${spell(collection[1]!)})`;
  if (type.startsWith("Edm.")) return type;
  const name = local(type);
  if (enums.has(name)) return `enum ${name}`;
  if (structured.has(name)) return `complex ${name}`;
  throw new Error(`${type} is not in the metadata excerpt`);
}

const EDM = {
  string: "Edm.String",
  boolean: "Edm.Boolean",
  int32: "Edm.Int32",
  double: "Edm.Double",
  date: "Edm.Date",
  dateTimeOffset: "Edm.DateTimeOffset",
} as const;

/** The same spelling for a fake field type. */
function spellFake(type: FieldType): string {
  if (typeof type === "string") return EDM[type];
  if ("enum" in type) return `enum ${type.enum}`;
  if ("complex" in type) return `complex ${type.complex}`;
  return `Collection(${spellFake(type.collection)})`;
}

/** An out-of-line capability annotation, e.g. InsertRestrictions/Insertable on event/calendar. */
function capability(target: string, term: string, property: string): string | undefined {
  const annotations = (schema.Annotations ?? []).filter((node) => node.Target === `microsoft.graph.${target}`);
  const annotation = annotations.flatMap((node) => node.Annotation ?? []).find((node) => node.Term === term);
  return annotation?.Record?.[0]?.PropertyValue?.find((value) => value.Property === property)?.Bool;
}

// Navigation properties the fake takes inline on create: Outlook extended properties
// (https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-post-singlevalueextendedproperties).
const WRITTEN_INLINE = new Set(["singleValueExtendedProperties"]);

const shapes: [string, string, Record<string, FieldType>][] = [
  ["event (writable)", "event", EVENT_WRITABLE],
  ["event (read-only)", "event", EVENT_READ_ONLY],
  ...Object.entries(GRAPH_COMPLEX_TYPES).map(([name, properties]): [string, string, Record<string, FieldType>] => [
    name,
    name,
    properties,
  ]),
];

const start = { dateTime: "2026-03-02T09:00:00", timeZone: "W. Europe Standard Time" };
const end = { dateTime: "2026-03-02T10:00:00", timeZone: "W. Europe Standard Time" };

describe("the Graph fake's schema against Microsoft's Graph v1.0 CSDL (msgraph-metadata)", () => {
  it("reads the excerpt and where it comes from", () => {
    expect(excerpt).toMatch(/Repository commit: [0-9a-f]{40}\n\s+Path: clean_v10_metadata\/\S+\.xml/);
    expect(declared("event").get("showAs")).toEqual({
      type: "graph.freeBusyStatus",
      nullable: true,
      navigation: false,
    });
    expect(declared("event").get("id")).toMatchObject({ type: "Edm.String", nullable: false });
  });

  it.each(shapes)("%s: every property the fake takes is declared, with the same type", (label, name, properties) => {
    const graph = declared(name);
    const wrong = Object.entries(properties).flatMap(([key, type]) => {
      const property = graph.get(key);
      if (!property) return [`${key} is not a property of ${name}`];
      if (property.navigation && !(label === "event (writable)" && WRITTEN_INLINE.has(key)))
        return [`${key} is a navigation property of ${name}, not a value a body may carry`];
      const [fake, csdl] = [spellFake(type), spell(property.type)];
      return fake === csdl ? [] : [`${key}: the metadata has ${csdl}, the fake ${fake}`];
    });
    expect(wrong).toEqual([]);
  });

  it.each(Object.entries(GRAPH_COMPLEX_TYPES))(
    "%s: the fake takes every property the metadata declares",
    (name, properties) => {
      const missing = [...declared(name).keys()].filter((key) => !(key in properties));
      expect(missing).toEqual([]);
    },
  );

  it("models every complex type an event body can reach, and only those", () => {
    const reached = new Set<string>();
    const walk = (type: string) => {
      const spelled = spell(type).replace(/^Collection\((.*)\)$/, "$1");
      if (!spelled.startsWith("complex ")) return;
      const name = spelled.slice("complex ".length);
      if (reached.has(name)) return;
      reached.add(name);
      for (const property of declared(name).values()) if (!property.navigation) walk(property.type);
    };
    for (const [key, property] of declared("event"))
      if ((!property.navigation || WRITTEN_INLINE.has(key)) && (key in EVENT_WRITABLE || key in EVENT_READ_ONLY))
        walk(property.type);
    expect([...reached].sort()).toEqual(Object.keys(GRAPH_COMPLEX_TYPES).sort());
  });

  it.each(Object.entries(GRAPH_ENUMS))(
    "enum %s: the fake takes only the metadata's members, and all",
    (name, taken: readonly string[]) => {
      const members = [...taken];
      const graph = enums.get(name);
      expect(graph).toBeDefined();
      expect(members.filter((member) => !graph!.includes(member))).toEqual([]);
      // unknownFutureValue is Graph's marker for members added later; a client never sends it.
      expect(graph!.filter((member) => member !== "unknownFutureValue" && !members.includes(member))).toEqual([]);
    },
  );

  it("refuses null exactly where the metadata declares Nullable=false", () => {
    const writable: [string, Record<string, FieldType>][] = [
      ["event", EVENT_WRITABLE],
      ...Object.entries(GRAPH_COMPLEX_TYPES),
    ];
    const graph = Object.fromEntries(
      writable.map(([name, properties]) => [
        name,
        [...declared(name)].filter(([key, property]) => key in properties && !property.nullable).map(([key]) => key),
      ]),
    );
    const fake = Object.fromEntries(
      writable.map(([name]) => [name, [...(GRAPH_NOT_NULL[name as keyof typeof GRAPH_NOT_NULL] ?? [])]]),
    );
    for (const name of Object.keys(graph)) {
      graph[name]!.sort();
      fake[name]!.sort();
    }
    expect(fake).toEqual(graph);
  });

  it.each([
    ["start.dateTime", { start: { ...start, dateTime: null } }],
    ["recurrence.pattern.interval", { recurrence: { pattern: { type: "daily", interval: null }, range: {} } }],
    ["recurrence.range.numberOfOccurrences", { recurrence: { pattern: {}, range: { numberOfOccurrences: null } } }],
    ["attendees[0].proposedNewTime.end", { attendees: [{ proposedNewTime: { start, end: null } }] }],
  ])("a null %s is refused as Graph's reader refuses it", (field, body) => {
    const answer = validateEventBody(body, true);
    expect(answer).toMatchObject({ status: 400, body: { error: { code: "RequestBodyRead" } } });
    expect((answer!.body as { error: { message: string } }).error.message).toMatch(
      new RegExp(`property named '${field.split(".").pop()}'.*Nullable=False`),
    );
  });

  it("splits event's properties into writable and read-only, each once, and refuses its navigation properties", () => {
    const graph = declared("event");
    const overlap = Object.keys(EVENT_WRITABLE).filter((key) => key in EVENT_READ_ONLY);
    expect(overlap).toEqual([]);
    const values = [...graph].filter(([, property]) => !property.navigation).map(([key]) => key);
    const modelled = [...Object.keys(EVENT_WRITABLE), ...Object.keys(EVENT_READ_ONLY)].filter(
      (key) => !WRITTEN_INLINE.has(key),
    );
    expect(modelled.sort()).toEqual(values.sort());

    // The key is Graph's to give.
    const key = structured.get("entity")!.Key![0]!.PropertyRef.map((ref) => ref.Name);
    expect(key).toEqual(["id"]);
    expect("id" in EVENT_WRITABLE).toBe(false);

    // Navigation properties are other resources (attachments, instances, …): a body carrying one is refused,
    // on create and on update, unless Graph takes it inline and the metadata does not forbid inserting it.
    const navigation = [...graph].filter(([, property]) => property.navigation).map(([name]) => name);
    expect(navigation).toEqual(expect.arrayContaining([...WRITTEN_INLINE]));
    for (const name of navigation) {
      const created = validateEventBody({ subject: "Visit", start, end, [name]: [] }, false);
      const updated = validateEventBody({ [name]: [] }, true);
      if (WRITTEN_INLINE.has(name)) {
        expect(capability(`event/${name}`, "Org.OData.Capabilities.V1.InsertRestrictions", "Insertable")).not.toBe(
          "false",
        );
        expect(created).toBeNull();
      } else {
        for (const answer of [created, updated])
          expect(answer).toMatchObject({ status: 400, body: { error: { code: "RequestBodyRead" } } });
        expect(JSON.stringify(created)).toContain(`'${name}'`);
      }
    }
  });
});
