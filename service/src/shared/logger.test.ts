import { Prisma } from "../generated/prisma/client";
import { createLogger, safeError } from "./logger";

const SECRET = "alice@fabrikam.example";

function captured() {
  const lines: string[] = [];
  const logger = createLogger({ level: "trace", destination: { write: (line: string) => void lines.push(line) } });
  return { logger, lines, parsed: () => lines.map((line) => JSON.parse(line)) };
}

describe("safeError", () => {
  it("keeps the class, code and message of the runtime's own errors", () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'id')");
    expect(safeError(error)).toMatchObject({
      type: "TypeError",
      message: "Cannot read properties of undefined (reading 'id')",
    });
  });

  it("withholds the message of Prisma's and PostgreSQL's errors, which quote the values", () => {
    const prisma = new Prisma.PrismaClientKnownRequestError(`Unique constraint failed: Key (email)=(${SECRET})`, {
      code: "P2002",
      clientVersion: "6.19.3",
    });
    const postgres = Object.assign(new Error(`invalid input value: "${SECRET}"`), {
      severity: "ERROR",
      code: "22P02",
      detail: SECRET,
    });
    const validation = new Prisma.PrismaClientValidationError(`Argument name: provided ${SECRET}`, {
      clientVersion: "6.19.3",
    });
    expect(safeError(prisma)).toMatchObject({
      type: "PrismaClientKnownRequestError",
      code: "P2002",
      message: "(withheld)",
    });
    expect(safeError(postgres)).toMatchObject({ code: "22P02", message: "(withheld)" });
    expect(safeError(validation)).toMatchObject({ type: "PrismaClientValidationError", message: "(withheld)" });
    for (const error of [prisma, postgres, validation]) expect(JSON.stringify(safeError(error))).not.toContain(SECRET);
  });

  it("withholds a JSON parser's message, which quotes the body", () => {
    let thrown: unknown;
    try {
      JSON.parse(`{"email": "${SECRET}`);
    } catch (error) {
      thrown = error;
    }
    expect(safeError(thrown)).toMatchObject({ type: "SyntaxError", message: "(withheld)" });
  });

  it("says what a thrown non-error was without printing it", () => {
    expect(safeError(SECRET)).toEqual({ type: "string", message: "(not an Error)" });
  });
});

describe("the logger", () => {
  it("serialises errors under err and error with safeError", () => {
    const { logger, parsed } = captured();
    const error = Object.assign(new Error(SECRET), { severity: "ERROR", code: "23505" });
    logger.error({ err: error }, "failed");
    logger.error(error);
    expect(JSON.stringify(parsed())).not.toContain(SECRET);
    expect(parsed()[0].err).toMatchObject({ code: "23505", message: "(withheld)" });
  });

  it("censors keys that could carry a token or a body, wherever they appear", () => {
    const { logger, lines } = captured();
    logger.info({ headers: { authorization: `Bearer ${SECRET}` }, request: { body: SECRET, token: SECRET } }, "x");
    expect(lines.join("")).not.toContain(SECRET);
    expect(lines.join("")).toContain("[redacted]");
  });
});
