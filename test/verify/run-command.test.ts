import { mkdtemp, realpath, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastLines, runCommand } from "../../src/verify/run-command.js";

const node = process.execPath;

describe("runCommand", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await realpath(await mkdtemp(join(tmpdir(), "ps-run-command-")));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("captures stdout and stderr together, in order", async () => {
    const script = `process.stdout.write("one\\n"); setTimeout(() => { process.stderr.write("two\\n");
      setTimeout(() => process.stdout.write("three\\n"), 30); }, 30);`;
    const result = await runCommand(node, ["-e", script]);
    expect(result.exitCode).toBe(0);
    expect(result.output).toBe("one\ntwo\nthree\n");
    expect(result.timedOut).toBe(false);
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("writes the given input to stdin and closes it", async () => {
    const script =
      "let s = ''; process.stdin.on('data', (d) => (s += d)).on('end', () => console.log(s.trim().toUpperCase()));";
    const result = await runCommand(node, ["-e", script], { input: "secret\n" });
    expect(result.output).toBe("SECRET\n");
  });

  it("returns a non-zero exit code instead of throwing", async () => {
    const result = await runCommand(node, ["-e", "console.error('boom'); process.exit(3)"]);
    expect(result.exitCode).toBe(3);
    expect(result.output).toContain("boom");
  });

  it("reports a missing program as exit code 127", async () => {
    const result = await runCommand("/nonexistent/definitely-not-a-program", ["x"]);
    expect(result.exitCode).toBe(127);
    expect(result.output).toContain("could not run");
  });

  it("uses the given working directory and environment", async () => {
    const result = await runCommand(
      node,
      ["-e", "console.log(process.cwd()); console.log(process.env.PS_PROBE)"],
      {
        cwd: dir,
        env: { ...process.env, PS_PROBE: "hello" },
      },
    );
    expect(result.output.trim().split("\n")).toEqual([dir, "hello"]);
  });

  it("kills the command and what it started when the timeout expires", async () => {
    const started = Date.now();
    // A shell whose child keeps the output pipe open: only killing the whole process group ends this quickly.
    const result = await runCommand("sh", ["-c", "echo started; sleep 30 & wait"], { timeoutMs: 300 });
    expect(result.timedOut).toBe(true);
    expect(result.exitCode).toBe(124);
    expect(result.output).toContain("started");
    expect(result.output).toContain("timed out after 300 ms");
    // Without the group kill, the orphaned sleep would hold the pipe until the 2 s drain fallback.
    expect(Date.now() - started).toBeLessThan(1800);
  });

  it("streams output to onOutput as it arrives", async () => {
    const chunks: string[] = [];
    const result = await runCommand(node, ["-e", "console.log('a'); console.log('b')"], {
      onOutput: (c) => chunks.push(c),
    });
    expect(chunks.join("")).toBe(result.output);
  });

  it("keeps only the tail of very long output", async () => {
    const result = await runCommand(node, ["-e", "for (let i = 0; i < 5000; i++) console.log('line ' + i)"], {
      maxOutputChars: 1000,
    });
    expect(result.exitCode).toBe(0);
    expect(result.output).toContain("earlier output dropped");
    expect(result.output).toContain("line 4999");
    expect(result.output).not.toContain("line 10\n");
  });
});

describe("lastLines", () => {
  it("returns the last lines without trailing blank lines", () => {
    expect(lastLines("a\nb\nc\nd\n\n", 2)).toBe("c\nd");
    expect(lastLines("only", 60)).toBe("only");
  });
});
