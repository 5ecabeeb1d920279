import type { Locator, Page } from "playwright-core";
import { instantOfWallClock } from "contract/zoned-time";
import { describeBrowser, expectVisible, openEmail, pane, useDemoBrowser } from "./support/demo-browser";

// The series panel and its two edit forms in Chromium at Outlook's narrowest task pane (320 px):
// nothing scrolls sideways, every control has its label, the keyboard reaches the edits.

/** Outlook's narrowest task pane. */
const PANE_WIDTH = 320;
/** What a classic (Windows) scrollbar takes of it. */
const CLASSIC_SCROLLBAR = 17;

/** The next Tuesday at least a week away (YYYY-MM-DD): inside the service's sync window. */
function tuesdayNextWeek() {
  const date = new Date(Date.now() + 7 * 86_400_000);
  while (date.getUTCDay() !== 2) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
function berlin(day: string, time: string) {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  return instantOfWallClock(Date.UTC(year, month - 1, date, hour, minute), "Europe/Berlin").toISOString();
}

/** The demo host's pane column set to a width, through the CSSOM (the pane's Content-Security-Policy refuses an inline style sheet, rightly). */
async function setPaneWidth(page: Page, width: number) {
  await page
    .locator(".demo-host")
    .evaluate((host, columns) => (host.style.gridTemplateColumns = columns), `280px 1fr ${width}px`);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
}

/**
 * Nothing scrolls sideways in a 320 px pane. The pane's scroller is the demo host's column (as the
 * pane's own document is in Outlook): nothing in it may be wider than it, and no element of `part`
 * may reach past its right edge (which an inner overflow: hidden would clip rather than scroll).
 * Headless Chromium draws overlay scrollbars; Outlook on Windows a classic one of 17 px, so the
 * same holds for the 303 px left beside it.
 */
async function expectFitsThePane(page: Page, part: Locator) {
  const column = page.locator(".demo-host__pane");
  for (const width of [PANE_WIDTH - CLASSIC_SCROLLBAR, PANE_WIDTH]) {
    await setPaneWidth(page, width);
    const box = await column.evaluate((element) => ({
      width: element.getBoundingClientRect().width,
      scrollWidth: element.scrollWidth,
      clientWidth: element.clientWidth,
      right: element.getBoundingClientRect().left + element.clientLeft + element.clientWidth,
    }));
    expect(box.width).toBe(width);
    expect(box.scrollWidth).toBeLessThanOrEqual(box.clientWidth);
    const widest = await part.evaluate((root) =>
      Math.max(...[root, ...root.querySelectorAll("*")].map((element) => element.getBoundingClientRect().right)),
    );
    expect(widest).toBeLessThanOrEqual(box.right + 0.5);
  }
}

describeBrowser("the series panel in a 320 px pane", () => {
  const demo = useDemoBrowser();

  it("shows a series and both edit forms without scrolling sideways, reached by keyboard, and saves them", async () => {
    const alice = await demo.stack.as("alice@contoso.com");
    const fabrikam = (await alice.get("/api/customers?search=Fabrikam, Inc.")).body.items[0];
    const first = tuesdayNextWeek();
    const planned = await alice.post("/api/activity-series", {
      customerId: fabrikam.id,
      type: "CALL",
      subject: "Weekly call with Lena",
      location: "Fabrikam headquarters, conference room on the second floor",
      startsAt: berlin(first, "09:00"),
      endsAt: berlin(first, "09:30"),
      timeZone: "Europe/Berlin",
      recurrence: {
        pattern: { type: "weekly", interval: 1, daysOfWeek: ["tuesday"], firstDayOfWeek: "monday" },
        range: { type: "numbered", numberOfOccurrences: 8 },
      },
    });
    expect(planned.status).toBe(201);
    const series = planned.body;

    const page = await demo.openDemoHost();
    await setPaneWidth(page, PANE_WIDTH);
    await openEmail(page, "Lena Vogel", "Offer for the spring campaign");
    const record = pane(page).getByRole("article", { name: "Customer record Fabrikam, Inc." });
    const future = record.getByRole("list", { name: "Future activities" });
    const item = future.getByRole("listitem").filter({ hasText: "Weekly call with Lena" }).first();
    await item.getByRole("button", { name: "Repeats" }).click();
    const panel = record.getByRole("region", { name: "Series: Weekly call with Lena" });
    await expectVisible(panel.getByRole("list", { name: "Occurrences" }));
    await expectVisible(panel.getByText(/^Every week on Tuesday · 8 occurrences/));
    await expectFitsThePane(page, panel);

    // By keyboard: from "Repeats", Tab reaches "Edit this one", Enter opens its form.
    const editOne = panel.getByRole("button", { name: "Edit this one" });
    await item.getByRole("button", { name: "Repeats" }).focus();
    for (let presses = 0; presses < 20; presses++) {
      await page.keyboard.press("Tab");
      if (await editOne.evaluate((element) => element === document.activeElement)) break;
    }
    await page.keyboard.press("Enter");
    const oneForm = panel.getByRole("form", { name: "Edit this occurrence" });
    await expectVisible(oneForm);
    for (const label of ["Subject", "Date", "Time", "Duration (minutes)", "Location", "Notes"])
      await expectVisible(oneForm.getByLabel(label));
    await expectFitsThePane(page, panel);
    await oneForm.getByLabel("Time").fill("10:15");
    await oneForm.getByRole("button", { name: "Save this one" }).click();
    await expectVisible(panel.getByRole("status").getByText(/Saved for this occurrence only/));
    await expectVisible(panel.getByText("Changed", { exact: true }));
    const occurrence = (await alice.get(`/api/activities/${series.occurrences[0].id}`)).body;
    expect(occurrence).toMatchObject({ startsAt: berlin(first, "10:15"), series: { exception: true } });

    await panel.getByRole("button", { name: "Edit the whole series" }).click();
    const seriesForm = panel.getByRole("form", { name: "Edit the whole series" });
    for (const label of ["Subject", "First occurrence", "Time", "Duration (minutes)", "Repeats", "Ends", "Occurrences"])
      await expectVisible(seriesForm.getByLabel(label));
    await expectFitsThePane(page, panel);
    await seriesForm.getByLabel("Ends").selectOption({ label: "On a date" });
    await expectVisible(seriesForm.getByLabel("Last date"));
    await expectFitsThePane(page, panel);
    await seriesForm.getByLabel("Repeats").selectOption({ label: "Every 2 weeks on Tuesday" });
    await seriesForm
      .getByLabel("Last date")
      .fill(new Date(Date.parse(first) + 42 * 86_400_000).toISOString().slice(0, 10));
    await seriesForm.getByRole("button", { name: "Save the series" }).click();
    await expectVisible(panel.getByRole("status").getByText(/1 occurrence changed on its own kept its change/));
    await expectFitsThePane(page, panel);
    const stored = (await alice.get(`/api/activity-series/${series.id}`)).body;
    expect(stored.recurrence).toMatchObject({ pattern: { type: "weekly", interval: 2 }, range: { type: "endDate" } });
    await page.close();
  });
});
