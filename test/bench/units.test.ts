/** The benchmark's pure parts: wrk output parsing, medians, cursors and the 50-entity blueprint. */
import { describe, expect, it } from "vitest";
import { fiftyEntityBlueprint } from "../../bench/generation.js";
import { median } from "../../bench/report.js";
import { cursorAfter } from "../../bench/workloads.js";
import { parseWrkOutput } from "../../bench/wrk.js";
import { parseBlueprintYaml } from "../../src/index.js";

describe("bench helpers", () => {
  it("reads wrk's result line", () => {
    const stdout = [
      "Running 1s test @ http://127.0.0.1:1",
      'WRK_JSON {"requests":500,"duration_us":2000000,"connect":0,"read":1,"write":0,"status":2,"timeout":0,"p50_us":1500,"p99_us":9000}',
    ].join("\n");

    expect(parseWrkOutput(stdout)).toEqual({
      requestsPerSecond: 250,
      p50Ms: 1.5,
      p99Ms: 9,
      errors: 3,
      requests: 500,
    });
  });

  it("takes the median of odd and even counts", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("writes cursors as the generated app's Python encodes them (urlsafe base64 with padding)", () => {
    // base64.urlsafe_b64encode(json.dumps({"after": 7}).encode()).decode()
    expect(cursorAfter(7)).toBe("eyJhZnRlciI6IDd9");
    expect(cursorAfter(1234)).toBe("eyJhZnRlciI6IDEyMzR9");
  });

  it("builds a valid 50-entity blueprint", () => {
    const blueprint = parseBlueprintYaml(fiftyEntityBlueprint(), "fifty-entities.yaml");

    expect(blueprint.entities).toHaveLength(50);
  });
});
