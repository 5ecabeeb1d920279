import { randomBytes } from "node:crypto";
import { decryptTokenCache, encryptTokenCache } from "./token-cache.crypto";

describe("token cache encryption", () => {
  const key = randomBytes(32);
  const cache = JSON.stringify({ RefreshToken: { x: { secret: "refresh-token-value" } } });

  it("stores no token in clear and reads it back", () => {
    const sealed = encryptTokenCache(cache, key, "user-1");
    expect(sealed).not.toContain("refresh-token-value");
    expect(decryptTokenCache(sealed, key, "user-1")).toBe(cache);
  });

  it("refuses another user's blob, a tampered one, or the wrong key", () => {
    const sealed = encryptTokenCache(cache, key, "user-1");
    expect(() => decryptTokenCache(sealed, key, "user-2")).toThrow();
    const [v, iv, tag, data] = sealed.split(".");
    const flipped = Buffer.from(data!, "base64");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => decryptTokenCache([v, iv, tag, flipped.toString("base64")].join("."), key, "user-1")).toThrow();
    expect(() => decryptTokenCache(sealed, randomBytes(32), "user-1")).toThrow();
  });
});
