/** The current email's people and their matches (features/participants). */
export const participants = {
  readingMessage: "Reading the message…",
  selectEmail: "Select an email to see its sender's customer record.",
  noSubject: "(no subject)",
  onlyYou: "This email has nobody on it but you.",
  lookingUp: "Looking up the people on this email…",
  allMatching: "← All {{count}} matching customers",
  severalMatch: "Several customers match this email. Which one?",
  byDomain: " · by domain",
  noneMatch: "Nobody on this email belongs to a customer yet. Add the sender as a contact above.",
  people: "People on this email",
  addAsContact: "Add as contact",
  moveToCustomer: "Move to customer",
  notInCrm: "Not in the CRM",
  unknownAt: "Unknown person at {{customer}}",
  unknownDomain: "Unknown person; domain used by {{count}} customers",
  unassigned: "unassigned contact",
};
