// The standard PDF fonts draw WinAnsi (Latin-1 plus €, „“, –, … and a few more): umlauts and ß are
// in it; other letters fall back to their base letter (ő → o) or "?", so no text breaks a page.
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
const inWinAnsi = (char: string) => {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char);
};

// Letters that Unicode does not decompose into a base letter and an accent.
const BASE_LETTERS: Record<string, string> = { Ł: "L", ł: "l", Đ: "D", đ: "d", Ħ: "H", ħ: "h", ı: "i", ẞ: "SS" };

/**
 * Text as the standard fonts can draw it, on one line. Invisible format characters (direction
 * overrides such as U+202E, zero-width spaces, soft hyphens, the marks Intl puts around Arabic
 * currencies) are dropped rather than shown as "?": they change how text looks, never what it says.
 */
export function toWinAnsi(text: string): string {
  let result = "";
  for (const char of text.replace(/[\r\n\t]+/g, " ").replace(/\p{Cf}/gu, "")) {
    if (inWinAnsi(char)) result += char;
    else if (BASE_LETTERS[char]) result += BASE_LETTERS[char];
    else {
      const base = char.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
      result += base.length > 0 && [...base].every(inWinAnsi) ? base : "?";
    }
  }
  return result;
}
