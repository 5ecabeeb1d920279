import { configure } from "@testing-library/react";

// The first render of the pane (Fluent's styles, every feature's module) takes over a second on a
// busy two-core CI machine, longer than testing-library's default wait; a real regression still fails.
configure({ asyncUtilTimeout: 5000 });
