/**
 * @jest-environment node
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { ensureAddinBuild } from "../../scripts/addin-build";

// Both manifests against Microsoft's published schemas (manifest-schemas/README.md says where each
// file comes from): the sources, the rewrite the build applies for a production address, and what a
// build writes. xmllint is Debian's libxml2-utils (.ci/run installs it).
jest.setTimeout(180_000);

const ROOT = path.join(__dirname, "..", "..");
const XSD = path.join(ROOT, "manifest-schemas", "xml", "OfficeAppManifestV1_1.xsd");
const JSON_SCHEMA = path.join(ROOT, "manifest-schemas", "unified", "MicrosoftTeams.v1.30.schema.json");
const PRODUCTION = "https://crm.fabrikam.example/outlook/";
const { manifestFor } = require(path.join(ROOT, "webpack.config.js")) as {
  manifestFor: (text: string, baseUrl: string) => string;
};
const source = (name: string) => fs.readFileSync(path.join(ROOT, name), "utf8");

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** xmllint's verdict on one manifest text: "" when valid, else its complaints. */
function xsdErrors(text: string): string {
  const file = path.join(scratch, `m-${Math.random().toString(36).slice(2)}.xml`);
  fs.writeFileSync(file, text);
  try {
    execFileSync("xmllint", ["--noout", "--schema", XSD, file], { stdio: "pipe" });
    return "";
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
}

// The options of Microsoft's own validator (AppManifestUtils.validateAgainstSchema in @microsoft/app-manifest).
const ajv = new Ajv({ allErrors: true, strictTypes: false });
addFormats(ajv, ["uri", "email", "regex"]);
const validateUnified = ajv.compile(JSON.parse(fs.readFileSync(JSON_SCHEMA, "utf8")));
const jsonErrors = (manifest: unknown) =>
  validateUnified(manifest) ? [] : (validateUnified.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
// The published localization schema has a pattern ("...\\b]\\.description$", a lone "]") that is an error in a
// unicode regular expression and fine in a plain one; it is read as the plain one it was written as.
const localizationAjv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
addFormats(localizationAjv, ["uri"]);
const validateLocalization = localizationAjv.compile(
  JSON.parse(
    fs.readFileSync(
      path.join(ROOT, "manifest-schemas", "unified", "MicrosoftTeams.Localization.v1.30.schema.json"),
      "utf8",
    ),
  ),
);
const localizationErrors = (file: unknown) =>
  validateLocalization(file) ? [] : (validateLocalization.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

/** The value a localization key such as "extensions[0].ribbons[1].tabs[0].groups[0].label" names in a manifest. */
function valueAt(manifest: unknown, key: string): unknown {
  return key
    .split(/\.(?![^[]*\])|(?=\[)/)
    .flatMap((part) => part.split(/[[\]]/).filter(Boolean))
    .reduce<unknown>((node, step) => (node as Record<string, unknown> | undefined)?.[step], manifest);
}

/** The XML manifest's German override for each English string it has (DisplayName, Description, bt:String). */
function xmlGerman(): Map<string, string> {
  const german = new Map<string, string>();
  const pattern = /DefaultValue="([^"]+)">\s*<(?:bt:)?Override Locale="de-DE" Value="([^"]+)"/g;
  for (const [, english, value] of source("manifest.xml").matchAll(pattern)) german.set(english!, value!);
  return german;
}

describe("manifest.xml against Microsoft's add-in manifest XSDs", () => {
  it("is valid as committed (localhost, for sideloading)", () => {
    expect(xsdErrors(source("manifest.xml"))).toBe("");
  });

  it("is valid as the build writes it for a production address, with no localhost left", () => {
    const written = manifestFor(source("manifest.xml"), PRODUCTION);
    expect(xsdErrors(written)).toBe("");
    expect(written).not.toContain("localhost");
    expect(written).toContain(`<AppDomain>https://crm.fabrikam.example</AppDomain>`);
    expect(written).toContain(`DefaultValue="${PRODUCTION}launchevent.js"`);
  });

  // The schemas must be able to say no, or a green test means nothing.
  it.each([
    ["an unknown send mode", (xml: string) => xml.replace('SendMode="PromptUser"', 'SendMode="Sometimes"')],
    [
      "a launch event without its runtime page",
      (xml: string) => xml.replace(/(<\/LaunchEvents>)\s*<SourceLocation[^>]*\/>/, "$1"),
    ],
    [
      "SupportsSharedFolders that is not a boolean",
      (xml: string) => xml.replace("<SupportsSharedFolders>true", "<SupportsSharedFolders>yes"),
    ],
    [
      "SupportsMultiSelect before SupportsPinning",
      (xml: string) =>
        xml.replace(
          /<SupportsPinning>true<\/SupportsPinning>(\s*<!--[^]*?-->\s*)<SupportsMultiSelect>true<\/SupportsMultiSelect>/,
          "<SupportsMultiSelect>true</SupportsMultiSelect>$1<SupportsPinning>true</SupportsPinning>",
        ),
    ],
    ["a mobile button with too few icons", (xml: string) => xml.replace(/<bt:Image size="48" scale="3"[^>]*\/>/, "")],
    [
      "an override without its locale",
      (xml: string) =>
        xml.replace('<bt:Override Locale="de-DE" Value="CRM-Datensatz"/>', '<bt:Override Value="CRM-Datensatz"/>'),
    ],
  ])("refuses %s", (_what, breakIt) => {
    const broken = breakIt(source("manifest.xml"));
    expect(broken).not.toBe(source("manifest.xml"));
    expect(xsdErrors(broken)).toMatch(/fails to validate/);
  });
});

describe("manifest.json against the unified manifest's JSON schema (v1.30)", () => {
  it("is valid as committed and as the build writes it for production", () => {
    expect(jsonErrors(JSON.parse(source("manifest.json")))).toEqual([]);
    const written = manifestFor(source("manifest.json"), PRODUCTION);
    expect(jsonErrors(JSON.parse(written))).toEqual([]);
    expect(written).not.toContain("localhost");
    expect(JSON.parse(written).validDomains).toEqual([
      "https://crm.fabrikam.example",
      "https://login.microsoftonline.com",
    ]);
  });

  it("refuses what the schema forbids", () => {
    const manifest = JSON.parse(source("manifest.json"));
    manifest.extensions[0].autoRunEvents[0].events[0].options.sendMode = "sometimes";
    manifest.icons = { color: "assets/icon-192.png" };
    manifest.extensions[0].runtimes[0].actions[0].multiselect = "yes";
    const errors = jsonErrors(manifest);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/sendMode/),
        expect.stringMatching(/^\/icons .*outline/),
        expect.stringMatching(/multiselect .*boolean/),
      ]),
    );
  });
});

// Translations of the unified manifest: learn.microsoft.com/microsoftteams/platform/resources/schema/localization-schema
// (the file) and .../microsoft-365/extensibility/schema/root-localization-info (localizationInfo).
describe("the unified manifest's German translation", () => {
  const manifest = JSON.parse(source("manifest.json"));
  const german = JSON.parse(source("addin/manifest-locales/de-de.json")) as Record<string, string>;

  it("is named by localizationInfo and valid against the localization schema (v1.30)", () => {
    expect(manifest.localizationInfo.additionalLanguages).toEqual([{ languageTag: "de-de", file: "de-de.json" }]);
    expect(localizationErrors(german)).toEqual([]);
    expect(localizationErrors({ ...german, "extensions[0].ribbons[0].tabs[0].groups[0].nonsense": "x" })).not.toEqual(
      [],
    );
  });

  it("translates every string the manifest shows, each where the manifest has one, as the XML manifest does", () => {
    const keys = Object.keys(german).filter((key) => key !== "$schema");
    for (const key of keys) expect([key, typeof valueAt(manifest, key)]).toEqual([key, "string"]);
    const shown = ["label", "supertip.title", "supertip.description"];
    const ribbonStrings = JSON.stringify(manifest.extensions[0].ribbons).match(/"(label|title|description)"/g) ?? [];
    expect(keys.filter((key) => shown.some((end) => key.endsWith(end)))).toHaveLength(ribbonStrings.length);
    // The same English string has the same German in both manifests, so Outlook reads alike in each.
    const xml = xmlGerman();
    for (const key of keys) {
      const english = valueAt(manifest, key) as string;
      if (xml.has(english)) expect([key, german[key]]).toEqual([key, xml.get(english)]);
    }
    expect(xml.size).toBeGreaterThanOrEqual(4);
  });
});

describe("the manifests a build writes", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await ensureAddinBuild();
  });

  it("are both valid and point at the same add-in", () => {
    const xml = fs.readFileSync(path.join(dir, "manifest.xml"), "utf8");
    const json = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
    expect(xsdErrors(xml)).toBe("");
    expect(jsonErrors(json)).toEqual([]);
    expect(xml).toContain(`<Id>${json.id}</Id>`);
    const german = JSON.parse(fs.readFileSync(path.join(dir, "de-de.json"), "utf8"));
    expect(localizationErrors(german)).toEqual([]);
  });

  it("ship the event bundle under the name both manifests link, loaded by the runtime page after office.js", () => {
    expect(fs.existsSync(path.join(dir, "launchevent.js"))).toBe(true);
    const commands = fs.readFileSync(path.join(dir, "commands.html"), "utf8");
    expect(commands.indexOf("office.js")).toBeGreaterThan(-1);
    expect(commands.indexOf("launchevent.js")).toBeGreaterThan(commands.indexOf("office.js"));
    // Every relative icon path of the unified manifest is in the build.
    const json = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
    for (const icon of Object.values(json.icons) as string[]) expect(fs.existsSync(path.join(dir, icon))).toBe(true);
  });
});
