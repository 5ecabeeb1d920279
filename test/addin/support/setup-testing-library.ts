import { configure } from "@testing-library/react";

// The first render of the pane (Fluent's styles, every feature's module) takes over a second on a
// busy two-core CI machine, longer than testing-library's default wait; a real regression still fails.
// The pane talks to the real service in the same worker: the first time a query runs, Prisma's
// engine prepares it, which on a loaded machine can take several seconds more.
configure({ asyncUtilTimeout: 15_000 });
