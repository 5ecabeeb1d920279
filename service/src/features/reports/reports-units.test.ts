import { toWinAnsi } from "../../shared/win-ansi";
import { labelLines } from "./address-labels";
import { csvCell, csvLine } from "./csv";
import { lastMonths, periodBuckets } from "./report-period";

describe("address label text", () => {
  it("keeps what the standard PDF fonts draw and falls back to base letters, else ?", () => {
    expect(toWinAnsi("Müller & Söhne – Großhandel €")).toBe("Müller & Söhne – Großhandel €");
    expect(toWinAnsi("Łódź, Nový Dvůr, İstanbul")).toBe("Lódz, Nový Dvur, Istanbul");
    expect(toWinAnsi("Tokyo 東京 😀\nline")).toBe("Tokyo ?? ? line");
  });

  it("leaves out empty parts and the organisation's own country", () => {
    const address = { name: "Fabrikam", street: null, postalCode: "10115", city: "Berlin", country: "germany " };
    expect(labelLines(address, "Germany")).toEqual(["Fabrikam", "10115 Berlin"]);
    expect(labelLines(address, undefined)).toEqual(["Fabrikam", "10115 Berlin", "germany"]);
    expect(labelLines({ ...address, country: "Austria" }, "Germany")).toEqual(["Fabrikam", "10115 Berlin", "Austria"]);
  });
});

describe("CSV cells", () => {
  it("quotes what needs it and turns would-be formulas into text, but not our numbers", () => {
    expect(csvLine(['a "b", c', "x\ny", null, 3, -4])).toBe('"a ""b"", c","x\ny",,3,-4\r\n');
    expect(["=1+1", "+49 30", "-2", "@SUM(A1)", "\tx", "\rx"].map(csvCell)).toEqual([
      "'=1+1",
      "'+49 30",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      '"\'\rx"',
    ]);
  });

  it("quotes a cell holding a semicolon, so a spreadsheet with a ';' list separator cannot split a formula out of it", () => {
    expect(csvLine(['Müller;=HYPERLINK("http://evil")', "plain"])).toBe(
      '"Müller;=HYPERLINK(""http://evil"")",plain\r\n',
    );
  });
});

describe("report periods", () => {
  it("cuts months at midnight in the zone, the first one at the day asked for", () => {
    const { periods, bounds } = periodBuckets("2026-01-15", "2026-03-31", "month", "Europe/Berlin");
    expect(periods).toEqual(["2026-01-01", "2026-02-01", "2026-03-01"]);
    expect(bounds.map((bound) => bound.toISOString())).toEqual([
      "2026-01-14T23:00:00.000Z",
      "2026-01-31T23:00:00.000Z",
      "2026-02-28T23:00:00.000Z",
      // Summer time has begun by 1 April.
      "2026-03-31T22:00:00.000Z",
    ]);
  });

  it("starts weeks on Monday and counts back whole months", () => {
    expect(periodBuckets("2026-03-01", "2026-03-09", "week", "UTC").periods).toEqual([
      "2026-02-23",
      "2026-03-02",
      "2026-03-09",
    ]);
    expect(lastMonths("2026-03-31", 3)).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(lastMonths("2026-01-10", 2)).toEqual({ from: "2025-12-01", to: "2026-01-31" });
  });
});
