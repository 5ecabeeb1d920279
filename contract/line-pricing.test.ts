import { fromScaled, lineCents, priceDraftLines, priceLines, toScaled } from "./line-pricing";

describe("line pricing", () => {
  it("scales decimal strings exactly", () => {
    expect(toScaled("12.5", 2)).toBe(1250n);
    expect(toScaled("0.07", 2)).toBe(7n);
    expect(toScaled("3", 3)).toBe(3000n);
    expect(fromScaled(1250n, 2)).toBe("12.50");
    expect(fromScaled(7n, 2)).toBe("0.07");
    expect(fromScaled(-5n, 2)).toBe("-0.05");
    expect(() => toScaled("1.234", 2)).toThrow();
  });

  it("rounds each line once, half up, where floats would drift", () => {
    // 0.1 × 3 is 0.30000000000000004 in floating point.
    expect(lineCents({ quantity: "3", unitPrice: "0.10", discountPercent: "0" })).toEqual({ gross: 30n, net: 30n });
    // 1.005 would round to 1.00 in floating point; 0.335 × 3 = 1.005 → 1.01 half up.
    expect(lineCents({ quantity: "0.335", unitPrice: "3.00", discountPercent: "0" }).net).toBe(101n);
    // 19.99 × 7 less 12.5 % = 122.43875 → 122.44.
    expect(lineCents({ quantity: "7", unitPrice: "19.99", discountPercent: "12.5" })).toEqual({
      gross: 13993n,
      net: 12244n,
    });
    expect(lineCents({ quantity: "2", unitPrice: "50.00", discountPercent: "100" }).net).toBe(0n);
  });

  it("sums documents exactly, total = subtotal - discount", () => {
    const priced = priceLines([
      { quantity: "7", unitPrice: "19.99", discountPercent: "12.5" },
      { quantity: "1.5", unitPrice: "0.99", discountPercent: "0" },
    ]);
    expect(priced.lineTotals.map((line) => line.lineTotal)).toEqual(["122.44", "1.49"]);
    expect(priced.totals).toEqual({ subtotal: "141.42", discount: "17.49", total: "123.93" });
  });

  it("prices a half-typed quote like the service, leaving out lines that are not valid yet", () => {
    const draft = priceDraftLines([
      { quantity: "7", unitPrice: "19.99", discountPercent: "12.5" },
      { quantity: "1.5", unitPrice: "", discountPercent: "" },
      { quantity: "1.5", unitPrice: "0.99", discountPercent: "" },
      { quantity: "2", unitPrice: "5", discountPercent: "101" },
    ]);
    expect(draft.lineTotals).toEqual(["122.44", null, "1.49", null]);
    expect(draft.totals).toEqual({ subtotal: "141.42", discount: "17.49", total: "123.93" });
  });
});
