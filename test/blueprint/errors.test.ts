import { describe, expect, it } from "vitest";
import { didYouMean } from "../../src/blueprint/did-you-mean.js";
import { BlueprintError, formatIssues, formatPath } from "../../src/blueprint/errors.js";

describe("formatPath", () => {
  it("writes indexes in brackets and quotes keys that are not identifiers", () => {
    expect(formatPath(["entities", 1, "fields", 0, "type"])).toBe("entities[1].fields[0].type");
    expect(formatPath(["features", "rate limiting"])).toBe('features["rate limiting"]');
  });
});

describe("BlueprintError", () => {
  const issues = [
    { file: "a.yaml", line: 9, column: 3, path: ["name"], message: "second" },
    { file: "a.yaml", line: 2, column: 7, path: ["entities", 0], message: "first", hint: "fix it" },
    { file: "a.yaml", line: 2, column: 1, path: [], message: "zeroth" },
  ];

  it("reports one issue per line, in file order, without a stack", () => {
    const error = new BlueprintError(issues);
    expect(error.message).toBe(
      ["a.yaml:2:1: zeroth", "a.yaml:2:7 entities[0]: first; fix it", "a.yaml:9:3 name: second"].join("\n"),
    );
    expect(error.issues.map((i) => i.message)).toEqual(["zeroth", "first", "second"]);
    expect(error.name).toBe("BlueprintError");
    expect(error).toBeInstanceOf(Error);
  });

  it("formats an issue without a position", () => {
    expect(formatIssues([{ file: "gone.yaml", path: [], message: "file not found" }])).toBe(
      "gone.yaml: file not found",
    );
  });
});

describe("didYouMean", () => {
  it("finds close candidates, ignoring case", () => {
    expect(didYouMean("strng", ["string", "text"])).toBe("string");
    expect(didYouMean("Entites", ["name", "entities"])).toBe("entities");
    expect(didYouMean("maxLength", ["max_length", "min_length"])).toBe("max_length");
  });

  it("stays quiet when nothing is close", () => {
    expect(didYouMean("colour", ["string", "text"])).toBeUndefined();
    expect(didYouMean("to", ["id"])).toBeUndefined();
    expect(didYouMean("x", [])).toBeUndefined();
  });
});
