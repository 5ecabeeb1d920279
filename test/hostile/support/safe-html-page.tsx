import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { SafeHtml } from "../../../addin/src/shared/safe-html";

// The pane's own rendering of stored note and e-mail HTML (SafeHtml, as in notes-section.tsx),
// bundled alone so the hostile-input suite can render stored bodies in Chromium without the whole pane.
declare global {
  interface Window {
    renderSafeHtml(html: string): void;
  }
}

window.renderSafeHtml = (html: string) => {
  const container = document.createElement("div");
  document.body.append(container);
  flushSync(() => createRoot(container).render(<SafeHtml html={html} />));
};
