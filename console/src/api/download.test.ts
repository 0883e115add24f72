import { describe, expect, it } from "vitest";
import { fileNameOf } from "./download";

describe("fileNameOf", () => {
  it("prefers the UTF-8 name", () => {
    expect(fileNameOf(`attachment; filename="certificate_2026-11.pdf"; filename*=UTF-8''certificate_2026-11_%ED%95%9C%EC%A7%80%EC%9A%B0.pdf`, "x"))
      .toBe("certificate_2026-11_한지우.pdf");
  });
  it("reads a plain name, or falls back", () => {
    expect(fileNameOf(`attachment; filename="report.csv"`, "x")).toBe("report.csv");
    expect(fileNameOf(null, "fallback.pdf")).toBe("fallback.pdf");
  });
});
