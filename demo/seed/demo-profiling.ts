import type { Prisma, PrismaClient } from "../../service/src/generated/prisma/client";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
const DAY = 24 * 3_600_000;

/** Fabrikam carries the demo's profile and comments; Northwind a few purchasing answers. */
export const DEMO_PROFILING_ACCOUNT = "10001";

const SETS = [
  {
    name: "Machine park",
    description: "What the customer produces with: sizes our service offers and spare parts.",
    questions: [
      { text: "Number of CNC machines", kind: "NUMBER" },
      { text: "Main control system", kind: "SINGLE_CHOICE", options: ["Siemens", "Heidenhain", "Fanuc", "Other"] },
      {
        text: "Materials machined",
        kind: "MULTIPLE_CHOICE",
        options: ["Steel", "Stainless steel", "Aluminium", "Plastics"],
      },
      { text: "Runs a second shift?", kind: "YES_NO" },
      { text: "Notes on the machine park", kind: "TEXT" },
    ],
  },
  {
    name: "Purchasing",
    description: "How and by whom orders are placed.",
    questions: [
      { text: "Orders via framework agreement?", kind: "YES_NO" },
      { text: "Annual purchasing volume (EUR)", kind: "NUMBER" },
      { text: "Preferred ordering channel", kind: "SINGLE_CHOICE", options: ["E-mail", "Phone", "EDI", "Web shop"] },
      { text: "Decision makers", kind: "MULTIPLE_CHOICE", options: ["Purchasing", "Engineering", "Management"] },
    ],
  },
] as const;

/** Answers by account, question text, in the order given (later ones are newer: history). */
const ANSWERS: { account: string; question: string; value: Prisma.InputJsonValue; by: string; daysAgo: number }[] = [
  { account: "10001", question: "Number of CNC machines", value: 12, by: "ben@contoso.com", daysAgo: 200 },
  { account: "10001", question: "Number of CNC machines", value: 14, by: "alice@contoso.com", daysAgo: 20 },
  { account: "10001", question: "Main control system", value: "Heidenhain", by: "alice@contoso.com", daysAgo: 20 },
  {
    account: "10001",
    question: "Materials machined",
    value: ["Steel", "Aluminium"],
    by: "alice@contoso.com",
    daysAgo: 20,
  },
  { account: "10001", question: "Orders via framework agreement?", value: true, by: "maria@contoso.com", daysAgo: 45 },
  { account: "10001", question: "Preferred ordering channel", value: "E-mail", by: "alice@contoso.com", daysAgo: 45 },
  { account: "10002", question: "Preferred ordering channel", value: "EDI", by: "ben@contoso.com", daysAgo: 90 },
  { account: "10002", question: "Annual purchasing volume (EUR)", value: 250000, by: "ben@contoso.com", daysAgo: 90 },
];

const COMMENTS = [
  {
    body: "Deliveries only Monday to Thursday before 14:00 – the gate is closed on Fridays.",
    pinned: true,
    by: "maria@contoso.com",
    daysAgo: 30,
  },
  { body: "Prefers a call over e-mail for anything urgent.", pinned: false, by: "ben@contoso.com", daysAgo: 5 },
];

/** The two question sets, answers on two customers (one with history), and comments on Fabrikam. */
export async function seedDemoProfiling(tx: Tx, users: Map<string, string>, now: Date): Promise<void> {
  const questionIds = new Map<string, string>();
  for (const [position, set] of SETS.entries()) {
    const row = await tx.profilingQuestionSet.create({
      data: {
        name: set.name,
        description: set.description,
        position,
        questions: {
          create: set.questions.map((question, at) => ({
            text: question.text,
            kind: question.kind,
            options: "options" in question ? [...question.options] : [],
            position: at,
          })),
        },
      },
      include: { questions: true },
    });
    for (const question of row.questions) questionIds.set(question.text, question.id);
  }
  const customers = new Map(
    (
      await tx.customer.findMany({
        where: { accountNumber: { in: [...new Set(ANSWERS.map((answer) => answer.account))] } },
        select: { id: true, accountNumber: true },
      })
    ).map((row) => [row.accountNumber, row.id]),
  );
  // One at a time: the sequence then follows the list, so later entries are the current answers.
  for (const answer of ANSWERS) {
    const customerId = customers.get(answer.account);
    if (!customerId) continue;
    await tx.profilingAnswer.create({
      data: {
        customerId,
        questionId: questionIds.get(answer.question)!,
        value: answer.value,
        answeredById: users.get(answer.by)!,
        answeredAt: new Date(now.getTime() - answer.daysAgo * DAY),
      },
    });
  }
  const fabrikam = customers.get(DEMO_PROFILING_ACCOUNT);
  if (!fabrikam) return;
  for (const comment of COMMENTS) {
    const at = new Date(now.getTime() - comment.daysAgo * DAY);
    await tx.customerComment.create({
      data: {
        customerId: fabrikam,
        body: comment.body,
        pinned: comment.pinned,
        authorId: users.get(comment.by)!,
        createdAt: at,
        modifiedAt: at,
      },
    });
  }
}
