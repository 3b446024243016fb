import { describe, expect, it } from "vitest";
import { codeFromLabel, labelList, labelOf } from "./labels.js";

const KINDS = { guidance: ["veiledning", "guidance"], course: ["kurs"], event: ["arrangement"] } as const;

describe("enumerated CSV cells", () => {
  it("accepts a label or the code, in any case, and trims", () => {
    expect(codeFromLabel("Veiledning", KINDS)).toBe("guidance");
    expect(codeFromLabel(" KURS ", KINDS)).toBe("course");
    expect(codeFromLabel("event", KINDS)).toBe("event");
    expect(codeFromLabel("møte", KINDS)).toBeNull();
  });

  it("exports the first label and names them all in messages", () => {
    expect(labelOf("guidance", KINDS)).toBe("veiledning");
    expect(labelList(KINDS)).toBe("veiledning, kurs or arrangement");
  });
});
