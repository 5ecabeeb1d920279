/** What a test reads back from a PDF: its pages' text, as Mozilla's pdf.js (Firefox's viewer) extracts it. */
export interface PdfText {
  pages: string[];
  /** Every page's text, pages separated by a blank line. */
  text: string;
  title: string | undefined;
  /** Each page's runs of text where pdf.js found them, and whether each lies wholly on the page. */
  runs: { str: string; x: number; y: number; inside: boolean }[][];
}

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

// pdf.js ships only as ES modules; the suites are compiled to CommonJS, whose `import()` would become
// require(). A real dynamic import (jest runs with --experimental-vm-modules) loads it as it is.
const importEsm = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<PdfJs>;

export async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  const pdfjs = await importEsm("pdfjs-dist/legacy/build/pdf.mjs");
  const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 })
    .promise;
  try {
    const pages: string[] = [];
    const runs: PdfText["runs"] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const [left, bottom, right, top] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      runs.push(
        content.items.flatMap((item) => {
          if (!("str" in item) || item.str.trim() === "") return [];
          const [x, y] = [item.transform[4] as number, item.transform[5] as number];
          const inside = x >= left && x + item.width <= right + 0.5 && y >= bottom && y + item.height <= top;
          return [{ str: item.str, x, y, inside }];
        }),
      );
      pages.push(
        content.items
          .map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : ""))
          .join("")
          .replace(/[ \t]+\n/g, "\n"),
      );
    }
    const info = (await document.getMetadata()).info as { Title?: string };
    return { pages, text: pages.join("\n\n"), title: info.Title, runs };
  } finally {
    await document.destroy();
  }
}
