/**
 * Runs one external command (uv, psql, …) and captures what it printed. Never throws for a failing
 * command: a non-zero exit, a missing binary and a timeout all come back as a result to report.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { constants } from "node:os";

export interface RunOptions {
  /** Working directory (default: the current one). */
  cwd?: string;
  /** The complete environment of the child (default: this process's environment). */
  env?: NodeJS.ProcessEnv;
  /** Kill the command (and everything it started) after this many milliseconds. */
  timeoutMs?: number;
  /** Called with every chunk of output as it arrives, e.g. for live progress. */
  onOutput?: (chunk: string) => void;
  /** Keep at most this many characters of output, dropping the oldest (default 4 MB). */
  maxOutputChars?: number;
  /** Written to the command's stdin, which is then closed (default: no stdin). */
  input?: string;
}

export interface CommandResult {
  /** The exit code; 124 after a timeout, 127 when the command could not be started, 128+n for signal n. */
  exitCode: number;
  /** stdout and stderr interleaved in the order they arrived. */
  output: string;
  durationMs: number;
  timedOut: boolean;
}

const KILL_GRACE_MS = 3000;
/** After the command exits, how long to wait for descendants that still hold its output pipes. */
const DRAIN_MS = 2000;
const DEFAULT_MAX_OUTPUT = 4 * 1024 * 1024;
const GROUPS = process.platform !== "win32";

/** Children still running; their process groups are killed if this process exits first. */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function killTree(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    if (GROUPS) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    // Already gone.
  }
}

/** Kills every command still running (and what it started); for a verify interrupted by a signal. */
export function killAllCommands(): void {
  for (const child of running) killTree(child, "SIGKILL");
}

export function runCommand(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<CommandResult> {
  const started = performance.now();
  const maxChars = options.maxOutputChars ?? DEFAULT_MAX_OUTPUT;
  let output = "";
  let dropped = false;
  const append = (text: string): void => {
    output += text;
    if (output.length > maxChars * 1.25) {
      output = output.slice(output.length - maxChars);
      dropped = true;
    }
    options.onOutput?.(text);
  };

  return new Promise((resolve) => {
    let settled = false;
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    let killTimer: NodeJS.Timeout | undefined;
    let drainTimer: NodeJS.Timeout | undefined;

    const finish = (exitCode: number): void => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      if (drainTimer) clearTimeout(drainTimer);
      running.delete(child);
      if (output.length > maxChars) {
        output = output.slice(output.length - maxChars);
        dropped = true;
      }
      const text = dropped ? `[… earlier output dropped …]\n${output}` : output;
      resolve({ exitCode, output: text, durationMs: Math.round(performance.now() - started), timedOut });
    };

    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"] as ["pipe", "pipe", "pipe"],
      // Its own process group, so a timeout also stops what it started (uv run → pytest → workers).
      detached: GROUPS,
    });
    running.add(child);
    if (!exitHookInstalled) {
      exitHookInstalled = true;
      process.once("exit", () => {
        for (const c of running) killTree(c, "SIGKILL");
      });
    }

    if (options.input !== undefined && child.stdin) {
      child.stdin.on("error", () => undefined); // a command that exits without reading its input
      child.stdin.end(options.input);
    }
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", append);
    child.stderr.on("data", append);

    child.on("error", (error: NodeJS.ErrnoException) => {
      append(`${output && !output.endsWith("\n") ? "\n" : ""}could not run ${command}: ${error.message}\n`);
      finish(error.code === "ENOENT" || error.code === "EACCES" ? 127 : 1);
    });

    const done = (code: number | null, signal: NodeJS.Signals | null): void => {
      if (timedOut) {
        append(`${output && !output.endsWith("\n") ? "\n" : ""}timed out after ${options.timeoutMs} ms\n`);
        finish(124);
      } else if (code !== null) {
        finish(code);
      } else {
        append(`${output && !output.endsWith("\n") ? "\n" : ""}killed by ${signal}\n`);
        finish(128 + (signal ? (constants.signals[signal] ?? 0) : 0));
      }
    };
    child.on("close", done);
    // A descendant that outlives the command may keep the pipes open; don't wait for it forever.
    child.on("exit", (code, signal) => {
      drainTimer = setTimeout(() => {
        killTree(child, "SIGKILL");
        done(code, signal);
      }, DRAIN_MS);
    });

    if (options.timeoutMs !== undefined && options.timeoutMs > 0) {
      timer = setTimeout(() => {
        timedOut = true;
        killTree(child, "SIGTERM");
        killTimer = setTimeout(() => killTree(child, "SIGKILL"), KILL_GRACE_MS);
      }, options.timeoutMs);
    }
  });
}

/** The last `count` lines of some output, for failure messages. */
export function lastLines(text: string, count: number): string {
  const lines = text.replace(/\s+$/, "").split("\n");
  return lines.slice(Math.max(0, lines.length - count)).join("\n");
}
