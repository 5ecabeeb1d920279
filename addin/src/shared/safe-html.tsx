import { type ReactNode, createElement } from "react";

// Notes and logged bodies are sanitised by the service, yet the pane still never hands stored HTML
// to innerHTML: it parses it in an inert document and rebuilds React elements from an allowlist.
// Anything else becomes its text; links keep only http(s)/mailto targets and open in a new tab.
const ALLOWED = new Set(["p", "br", "b", "strong", "i", "em", "u", "ul", "ol", "li", "blockquote", "span", "div", "a"]);
const SAFE_HREF = /^(https?:|mailto:)/i;

export function SafeHtml({ html, className }: { html: string; className?: string }) {
  const document = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
  return <div className={className}>{convert(document.body.childNodes, "n")}</div>;
}

function convert(nodes: NodeListOf<ChildNode>, prefix: string): ReactNode[] {
  return Array.from(nodes).map((node, index) => {
    const key = `${prefix}-${index}`;
    if (node.nodeType === Node.TEXT_NODE) return node.textContent;
    if (node.nodeType !== Node.ELEMENT_NODE) return null;
    const element = node as Element;
    const tag = element.tagName.toLowerCase();
    const children = convert(element.childNodes, key);
    if (!ALLOWED.has(tag)) return children.length > 0 ? createElement("span", { key }, ...children) : null;
    if (tag === "br") return createElement("br", { key });
    if (tag === "a") {
      const href = element.getAttribute("href") ?? "";
      if (!SAFE_HREF.test(href.trim())) return createElement("span", { key }, ...children);
      return createElement("a", { key, href, target: "_blank", rel: "noopener noreferrer" }, ...children);
    }
    return createElement(tag, { key }, ...children);
  });
}

/** Plain text typed by the user → note HTML: paragraphs, line breaks, and URLs made into links. */
export function textToNoteHtml(text: string): string {
  const escape = (value: string) =>
    value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const linkify = (line: string) =>
    line
      .split(/(https?:\/\/[^\s<>"]+)/g)
      .map((part, index) => (index % 2 === 1 ? `<a href="${escape(part)}">${escape(part)}</a>` : escape(part)))
      .join("");
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${paragraph.split("\n").map(linkify).join("<br>")}</p>`)
    .join("");
}
