import { OfficeMockObject } from "office-addin-mock";
import { createOfficeMailbox } from "../../addin/src/office/office-mailbox";
import { outlookTimeZone } from "../../addin/src/office/outlook-time-zone";

// Outlook gives the user's zone as a Windows name (Office.UserProfile.timeZone, Mailbox 1.1); the
// pane works in IANA zones like the rest of the CRM.
const mailboxIn = (timeZone: string | undefined) =>
  createOfficeMailbox(
    new OfficeMockObject({
      host: "outlook",
      context: { mailbox: { userProfile: { emailAddress: "alice@contoso.com", timeZone } } },
    }) as unknown as typeof Office,
  );

describe("the user's time zone from Outlook", () => {
  it("turns Outlook's Windows zone into its IANA zone", async () => {
    expect(mailboxIn("W. Europe Standard Time").userTimeZone?.()).toBe("W. Europe Standard Time");
    expect(await outlookTimeZone(mailboxIn("W. Europe Standard Time"))).toBe("Europe/Berlin");
    expect(await outlookTimeZone(mailboxIn("Tokyo Standard Time"))).toBe("Asia/Tokyo");
  });

  it("takes an IANA name as it is, and says nothing for an unknown name or none", async () => {
    expect(await outlookTimeZone(mailboxIn("America/Chicago"))).toBe("America/Chicago");
    expect(await outlookTimeZone(mailboxIn("Not A Zone"))).toBeNull();
    expect(await outlookTimeZone(mailboxIn(undefined))).toBeNull();
  });
});
