import "../../addin/src/shared/zod-without-eval";
import { createRoot } from "react-dom/client";
import { DemoHost } from "./demo-host-page";

createRoot(document.getElementById("root")!).render(<DemoHost />);
