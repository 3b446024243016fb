/**
 * Setup file of the database suite: new password hashes cost scrypt N = 2^10 instead of 2^15.
 * The stored format is unchanged ("scrypt$N$r$p$salt$hash", verified by the real verifyPassword,
 * which reads N from the hash), but each sign-in in a test no longer spends two slow key
 * derivations; the suite signs in about a hundred users. server/lib/password.test.ts checks the
 * production cost.
 */
import { randomBytes, scryptSync } from "node:crypto";
import { vi } from "vitest";

vi.mock("../../server/lib/password.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../server/lib/password.js")>();
  const [n, r, p] = [2 ** 10, 8, 1];
  return {
    ...actual,
    hashPassword: async (password: string): Promise<string> => {
      const salt = randomBytes(16);
      const key = scryptSync(password.normalize("NFKC"), salt, 32, { N: n, r, p });
      return ["scrypt", n, r, p, salt.toString("base64url"), key.toString("base64url")].join("$");
    },
  };
});
