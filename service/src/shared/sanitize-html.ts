import sanitize from "sanitize-html";

// Email and note HTML is shown again in the task pane, so it is sanitised once, on the way in.
// Scripts, event handlers, forms, iframes and remote images (tracking pixels) are dropped;
// links keep only http(s), mailto and tel, and open in a new window without an opener.

/** Colours as mail clients write them: #rgb, names, rgb()/hsl(); nothing that CSS could run or load. */
const COLOR = /^(#[0-9a-f]{3,8}|[a-z]+|(rgb|rgba|hsl|hsla)\([\d\s.,%]+\))$/i;
/** Images an e-mail carries itself: its attachments (cid:) and inline raster data; no SVG, no remote or relative URL. */
const IMAGE_SRC = /^(cid:|data:image\/(png|gif|jpeg|webp);)/i;

const OPTIONS: sanitize.IOptions = {
  allowedTags: [
    ...sanitize.defaults.allowedTags.filter((tag) => tag !== "img"),
    "img",
    "span",
    "font",
    "center",
    "u",
    "s",
    "del",
    "ins",
    "sub",
    "sup",
  ],
  allowedAttributes: {
    // target and rel are set by transformTags below, never taken from the input.
    a: ["href", "title", "name", "target", "rel"],
    img: ["src", "alt", "title", "width", "height"],
    td: ["colspan", "rowspan", "align", "valign", "width"],
    th: ["colspan", "rowspan", "align", "valign", "width"],
    table: ["width", "cellpadding", "cellspacing", "border", "align"],
    font: ["color", "face", "size"],
    "*": ["style", "dir", "lang"],
  },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesByTag: { img: ["data", "cid"] },
  allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
  allowProtocolRelative: false,
  allowedStyles: {
    "*": {
      color: [COLOR],
      "background-color": [COLOR],
      "font-weight": [/^(normal|bold|bolder|lighter|\d{3})$/],
      "font-style": [/^(normal|italic|oblique)$/],
      "font-size": [/^\d+(\.\d+)?(px|pt|em|rem|%)$/],
      "font-family": [/^[\w\s,'"-]+$/],
      "text-align": [/^(left|right|center|justify)$/],
      "text-decoration": [/^[a-z\s-]+$/],
    },
  },
  transformTags: {
    // Only a source of the message's own is kept. (Renaming the tag to drop it whole would be
    // neater, but sanitize-html then renames the parent's closing tag too.)
    img: (tagName, { src, ...attribs }) => ({
      tagName,
      attribs: src !== undefined && IMAGE_SRC.test(src.trim()) ? { src, ...attribs } : attribs,
    }),
    a: (tagName, attribs) => ({
      tagName,
      attribs: { href: attribs.href ?? "", title: attribs.title ?? "", target: "_blank", rel: "noopener noreferrer" },
    }),
  },
  disallowedTagsMode: "discard",
  nonTextTags: ["style", "script", "textarea", "option", "noscript", "title", "head"],
};

/** HTML nested deeper than the limit; thrown as soon as the parser reaches that depth. */
export class HtmlTooDeep extends Error {
  constructor(readonly maxDepth: number) {
    super(`HTML is nested deeper than ${maxDepth} levels`);
    this.name = "HtmlTooDeep";
  }
}

/**
 * sanitize-html slows down with the square of the nesting (2 MB of nested <div> took minutes), but
 * stays linear below a few thousand levels. The depth is counted on the parser's own open and close
 * events (implied closes and void elements included), so the count is exact and costs nothing extra,
 * and a too-deep body is refused at the first tag past the limit, before the slow part begins.
 */
export function sanitizeHtml(html: string, maxDepth = Infinity): string {
  let depth = 0;
  const limits: sanitize.IOptions = {
    onOpenTag: () => {
      if (++depth > maxDepth) throw new HtmlTooDeep(maxDepth);
    },
    onCloseTag: () => {
      depth--;
    },
  };
  return sanitize(html, { ...OPTIONS, ...limits }).trim();
}

/** Plain text of sanitised HTML, for search and previews. */
export function htmlToText(html: string): string {
  return sanitize(html.replace(/<(br|\/p|\/div|\/li|\/tr|\/h\d)\b[^>]*>/gi, "$&\n"), {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: OPTIONS.nonTextTags,
  })
    .replace(/&nbsp;|\u00a0/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
