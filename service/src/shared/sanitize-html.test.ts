import { HtmlTooDeep, htmlToText, sanitizeHtml } from "./sanitize-html";

describe("sanitising HTML from emails and notes", () => {
  it("keeps formatting, tables and safe links, and drops what can run or track", () => {
    const html = sanitizeHtml(
      '<table><tr><td style="color: red; position: fixed">Price</td></tr></table>' +
        '<a href="https://x.example" target="_self" rel="opener" onclick="x()">link</a>' +
        '<a href="data:text/html;base64,PHNjcmlwdD4=">data</a><img src="https://t.example/p.gif" alt="pixel">' +
        '<img src="cid:logo@01" alt="logo"><form action="https://x.example"><input name="p"></form><svg onload="x()"></svg>',
    );
    expect(html).toContain('<td style="color:red">Price</td>');
    expect(html).toContain('<a href="https://x.example" target="_blank" rel="noopener noreferrer">link</a>');
    expect(html).toContain('<img src="cid:logo@01" alt="logo" />');
    expect(html).not.toMatch(/onclick|data:text|t\.example|<form|<input|<svg|position/);
  });

  it("turns HTML into readable text", () => {
    expect(htmlToText("<p>Hello&nbsp;Alice</p><p>Line 1<br>Line 2</p><style>p{}</style>")).toBe(
      "Hello Alice\nLine 1\nLine 2",
    );
  });

  it("keeps only images the message carries and colours that cannot run or load anything", () => {
    expect(
      sanitizeHtml(
        '<img src="cid:a" alt="a"><img src="data:image/png;base64,iVBO" alt="b"><img src="data:image/svg+xml;base64,PHN2Zz4=" alt="c">' +
          '<img src="x" alt="d"><p style="color: expression(alert(1)); background-color: rgb(255, 0, 0)">x</p>',
      ),
    ).toBe(
      '<img src="cid:a" alt="a" /><img src="data:image/png;base64,iVBO" alt="b" /><img alt="c" /><img alt="d" />' +
        '<p style="background-color:rgb(255, 0, 0)">x</p>',
    );
  });

  it("refuses HTML nested deeper than the limit at the first tag past it, counting implied closes", () => {
    expect(() => sanitizeHtml("<div>".repeat(11), 10)).toThrow(HtmlTooDeep);
    expect(sanitizeHtml("<div>".repeat(10), 10)).toBe("<div>".repeat(10) + "</div>".repeat(10));
    // <li> and <br> close themselves: a long flat list is not deep.
    expect(() => sanitizeHtml("<ul>" + "<li>x<br>".repeat(1000) + "</ul>", 10)).not.toThrow();
  });
});
