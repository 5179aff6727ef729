/**
 * The steps that run the project's server: boot (starts on a free loopback port, readiness 200, OpenAPI
 * served, clean shutdown on SIGTERM) and fuzz (schemathesis against the running server's OpenAPI, with a
 * token from the app's own register + login when it has them).
 */
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fill, type ProjectProfile } from "./profile.js";
import { type RunningServer, request, startServer, waitUntilReady } from "./server.js";
import { errorExcerpt, lastMeaningfulLine } from "./summaries.js";
import type { StepContext, StepOutcome, VerifyStep } from "./types.js";

const READY_PATH = "/health/ready";
const READY_TIMEOUT_MS = 60_000;
const SHUTDOWN_GRACE_MS = 10_000;
/** Schemathesis 4's CLI and JSON report are what the fuzz step reads. */
export const SCHEMATHESIS_REQUIREMENT = "schemathesis>=4.32,<5";
export const FUZZ_CHECKS = ["not_a_server_error", "response_schema_conformance"] as const;
const DEFAULT_MAX_EXAMPLES = 10;
const DEFAULT_WORKERS = 2;
/**
 * Schemathesis' workers are threads, and CPython before 3.11.8 and 3.12.2 can fail `ast.parse` when two
 * threads run it (gh-106905), which hypothesis does. That error is the fuzzer's, not the app's.
 */
const AST_THREAD_RACE = /SystemError: AST constructor recursion depth mismatch/;
const DEFAULT_FUZZ_TIMEOUT_MS = 5 * 60 * 1000;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

interface OpenApiDocument {
  openapi?: string;
  paths?: Record<string, Record<string, unknown>>;
}

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

export function countOperations(doc: OpenApiDocument): number {
  return Object.values(doc.paths ?? {}).reduce(
    (sum, item) => sum + Object.keys(item ?? {}).filter((m) => METHODS.has(m)).length,
    0,
  );
}

type Started =
  | { ok: true; server: RunningServer; readyMs: number }
  | { ok: false; outcome: StepOutcome; server?: RunningServer };

/** Prepares the database, starts the server and waits for readiness; a failed outcome otherwise. */
async function startProjectServer(context: StepContext, step: string): Promise<Started> {
  const fail = (summary: string, output = "", server?: RunningServer): Started => ({
    ok: false,
    server,
    outcome: {
      ok: false,
      summary,
      output: [`${step}: ${summary}`, output].filter(Boolean).join("\n\n"),
    },
  });
  let databaseUrl: string;
  let python: string;
  let profile: ProjectProfile;
  try {
    profile = await context.profile();
    python = await context.projectPython();
    databaseUrl = await context.appDatabase();
  } catch (error) {
    return fail(`could not prepare the server: ${error instanceof Error ? error.message : String(error)}`);
  }
  context.emit(`$ ${profile.serve.join(" ")}  ({port}: a free port)\n`);
  const server = await startServer({
    python,
    argv: profile.serve,
    cwd: context.dir,
    env: { ...context.env, DATABASE_URL: databaseUrl },
    onOutput: (chunk) => context.emit(chunk),
  });
  const ready = await waitUntilReady(server, READY_PATH, READY_TIMEOUT_MS);
  if (!ready.ok) {
    await server.stop(SHUTDOWN_GRACE_MS);
    const body = ready.lastBody ? `\nlast response: ${ready.lastBody.slice(0, 500)}` : "";
    const failed = fail(
      `${ready.reason} (${profile.framework} server on port ${server.port})${body}`,
      serverLog(server),
      server,
    );
    if (!failed.ok) {
      const exceptions = serverExceptions(server.output());
      failed.outcome.excerpt = exceptions.length ? exceptions : errorExcerpt("boot", server.output(), 6);
    }
    return failed;
  }
  return { ok: true, server, readyMs: ready.ms };
}

function serverLog(server: RunningServer): string {
  return `--- server log (${server.baseUrl}) ---\n${server.output().replace(/\s+$/, "")}`;
}

/** The last exception a server logged, e.g. "ZeroDivisionError: division by zero", with its location. */
export function serverExceptions(log: string, max = 4): string[] {
  const lines = log.split(/\r?\n/);
  const found: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^Traceback \(most recent call last\)/.test((lines[i] ?? "").trim())) continue;
    // The exception line ends the traceback: the first unindented line after it.
    let j = i + 1;
    let location = "";
    while (j < lines.length && /^\s/.test(lines[j] ?? "")) {
      const m = /^\s+File "([^"]+)", line (\d+), in (\S+)/.exec(lines[j] ?? "");
      // The innermost frame of the project itself (not a library, not generated code like "<string>").
      if (m && !/site-packages|\/lib\/python\d|^</.test(m[1] ?? "")) location = `${m[1]}:${m[2]} in ${m[3]}`;
      j++;
    }
    const exception = (lines[j] ?? "").trim();
    const entry = location ? `${exception}  (at ${location})` : exception;
    if (exception && !found.includes(entry)) found.push(entry);
    if (found.length >= max) break;
    i = j;
  }
  return found;
}

export const bootStep: VerifyStep = {
  name: "boot",
  description:
    "the server starts on a free loopback port, readiness answers 200, the OpenAPI document is served, " +
    "and it stops cleanly within 10 s of SIGTERM",
  needs: ["install", "migrations"],
  async run(context) {
    const started = await startProjectServer(context, "boot");
    if (!started.ok) return started.outcome;
    const { server, readyMs } = started;
    const lines: string[] = [`ready: GET ${READY_PATH} answered 200 after ${seconds(readyMs)}`];
    const problems: string[] = [];

    const { openapi: openapiPath } = await context.profile();
    const openapi = await request(`${server.baseUrl}${openapiPath}`);
    let operations = 0;
    if (openapi.status !== 200) {
      problems.push(`GET ${openapiPath} answered ${openapi.status || openapi.body}, not 200`);
    } else {
      try {
        const doc = JSON.parse(openapi.body) as OpenApiDocument;
        if (!doc.openapi || !doc.paths) throw new Error("no `openapi` version or no `paths`");
        operations = countOperations(doc);
        lines.push(`OpenAPI ${doc.openapi}: ${operations} operations`);
      } catch (error) {
        problems.push(
          `${openapiPath} is not an OpenAPI document: ${error instanceof Error ? error.message : error}`,
        );
      }
    }

    const stop = await server.stop(SHUTDOWN_GRACE_MS);
    const log = server.output();
    if (!stop.stoppedInTime) {
      problems.push(`the server did not stop within ${SHUTDOWN_GRACE_MS / 1000} s of SIGTERM (killed)`);
    } else if (
      !(stop.signal === "SIGTERM" || stop.code === 0) ||
      /Application shutdown failed|Traceback \(most recent/.test(log.split(/Shutting down/).at(-1) ?? "")
    ) {
      const how = stop.signal ? `signal ${stop.signal}` : `exit code ${stop.code}`;
      problems.push(`the server did not shut down cleanly on SIGTERM (${how})`);
    } else {
      lines.push(`stopped ${seconds(stop.ms)} after SIGTERM`);
    }

    const output = [...lines, ...problems.map((p) => `boot: ${p}`), "", serverLog(server)].join("\n");
    const metrics = { port: server.port, readyMs, operations, shutdownMs: stop.ms };
    if (problems.length > 0) {
      return {
        ok: false,
        summary: problems.join("; "),
        output,
        metrics,
        excerpt: [...problems.map((p) => `boot: ${p}`), ...serverExceptions(log)],
      };
    }
    return {
      ok: true,
      summary: `ready in ${seconds(readyMs)}, ${operations} operations in OpenAPI, stopped in ${seconds(stop.ms)}`,
      output,
      metrics,
    };
  },
};

export interface Credentials {
  email: string;
  password: string;
}

export function newCredentials(): Credentials {
  return {
    email: `verify-${randomBytes(4).toString("hex")}@example.com`,
    password: `Verify-${randomBytes(9).toString("base64url")}-1a!`,
  };
}

/**
 * A token from the app's own auth flow: POST /auth/register (a fresh account), then the OAuth2 password
 * form on POST /auth/login. When `admin` was made by the project's create-admin command, the token is the
 * administrator's (register is still exercised, with a second account).
 */
async function obtainToken(
  server: RunningServer,
  doc: OpenApiDocument,
  admin: { credentials: Credentials; command: string } | undefined,
): Promise<{ token?: string; note: string; error?: string }> {
  const paths = doc.paths ?? {};
  if (!paths["/auth/login"]?.post) return { note: "no /auth/login: fuzzing without a token" };
  const registeredUser = newCredentials();
  if (paths["/auth/register"]?.post) {
    const registered = await request(`${server.baseUrl}/auth/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(registeredUser),
    });
    if (registered.status < 200 || registered.status >= 300) {
      return {
        note: "",
        error: `POST /auth/register answered ${registered.status || registered.body}: ${registered.body.slice(0, 300)}`,
      };
    }
  }
  const { email, password } = admin?.credentials ?? registeredUser;
  const login = await request(`${server.baseUrl}/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username: email, password }).toString(),
  });
  let token: unknown;
  try {
    token = (JSON.parse(login.body) as { access_token?: unknown }).access_token;
  } catch {
    token = undefined;
  }
  if (login.status !== 200 || typeof token !== "string") {
    return {
      note: "",
      error: `POST /auth/login answered ${login.status || login.body} without an access_token: ${login.body.slice(0, 300)}`,
    };
  }
  const who = admin
    ? `administrator ${email} (made with ${admin.command}; logged in through POST /auth/login; POST /auth/register checked with ${registeredUser.email})`
    : `${email} (registered and logged in through the app)`;
  return { token, note: `authenticated as ${who}` };
}

/**
 * The profile's create-admin command (password on stdin), when the project has one: the command line
 * shown on success, undefined when there is none or it failed.
 */
async function promoteWithProjectCli(
  context: StepContext,
  { email, password }: Credentials,
): Promise<{ command?: string; log: string } | undefined> {
  const template = (await context.profile()).createAdmin;
  if (!template) return undefined;
  const command = fill(template, { email });
  const result = await context.uvRun(
    ["run", ...command],
    { DATABASE_URL: await context.appDatabase() },
    60_000,
    `${password}\n`,
  );
  const shown = template.join(" ");
  const log = `$ ${command.join(" ")}  (password on stdin)\n${result.output.trimEnd()}${result.exitCode ? `\n[exit code ${result.exitCode}]` : ""}`;
  context.emit(`${log}\n`);
  return { command: result.exitCode === 0 ? shown : undefined, log };
}

interface SchemathesisReport {
  seed?: number;
  exit_code?: number;
  stop_reason?: string;
  operations?: { total?: number; selected?: number; tested?: number; errored?: number };
  test_cases?: { generated?: number; with_failures?: number; unique_failures?: number; errored?: number };
  failures?: unknown[];
  errors?: unknown[];
}

/** "Test cases:\n  967 generated, 967 passed" when the JSON report is missing. */
function casesFromText(output: string): number | undefined {
  const m = /Test cases:\s*\n\s*(\d+) generated/.exec(output);
  return m ? Number(m[1]) : undefined;
}

/**
 * The failures of schemathesis' FAILURES section, one headline per failed check with the operation and the
 * response status ("DELETE /categories/{category_id}: Server error [500]"), each followed by its curl
 * reproduction.
 */
export function schemathesisFailures(output: string, max = 8): string[] {
  const lines = output.split(/\r?\n/);
  const start = lines.findIndex((l) => /^=+ FAILURES =+$/.test(l.trim()));
  if (start < 0) return [];
  const found: string[] = [];
  let operation = "";
  let checks: string[] = [];
  let status = "";
  const flush = (curl?: string): void => {
    if (checks.length > 0) {
      for (const check of checks) found.push(`${operation}: ${check}${status ? ` ${status}` : ""}`);
      if (curl) found.push(`  reproduce: ${curl.length > 300 ? `${curl.slice(0, 299)}…` : curl}`);
    }
    checks = [];
    status = "";
  };
  for (const raw of lines.slice(start + 1)) {
    const line = raw.trim();
    if (/^=+ .+ =+$/.test(line)) break;
    const header = /^_{3,} (.+?) _{3,}$/.exec(line);
    if (header) {
      flush();
      operation = header[1] ?? "";
      continue;
    }
    const check = /^- (?:[A-Z]+\d+ )?(.+)$/.exec(line);
    if (check && operation) checks.push(check[1] ?? "");
    const code = /^\[(\d{3})\]/.exec(line);
    if (code && !status) status = `[${code[1]}]`;
    if (line.startsWith("curl ")) flush(line);
    if (found.length >= max) break;
  }
  flush();
  return found.slice(0, max);
}

const formatCount = (n: number): string => n.toLocaleString("en-US");

export const fuzzStep: VerifyStep = {
  name: "fuzz",
  description:
    "schemathesis against the running server's OpenAPI schema, authenticated through the app's own auth " +
    "flow: no 5xx and every response matches its schema",
  needs: ["boot"],
  async run(context) {
    const options = context.options.fuzz ?? {};
    // The administrator is made while the server starts: both take seconds of Python imports.
    const adminCredentials = newCredentials();
    const [started, promoted] = await Promise.all([
      startProjectServer(context, "fuzz"),
      promoteWithProjectCli(context, adminCredentials).catch(() => undefined),
    ]);
    if (!started.ok) return started.outcome;
    const { server } = started;
    const lines: string[] = [];
    try {
      const openapiUrl = `${server.baseUrl}${(await context.profile()).openapi}`;
      const openapi = await request(openapiUrl);
      let doc: OpenApiDocument = {};
      try {
        doc = JSON.parse(openapi.body) as OpenApiDocument;
      } catch {
        // schemathesis reports an unusable schema itself
      }
      if (promoted) lines.push(promoted.log);
      const admin = promoted?.command
        ? { credentials: adminCredentials, command: promoted.command }
        : undefined;
      const auth = await obtainToken(server, doc, admin);
      if (auth.error) {
        return {
          ok: false,
          summary: `could not get a token through the app's auth flow: ${auth.error}`,
          output: [`fuzz: ${auth.error}`, "", serverLog(server)].join("\n"),
          excerpt: [`fuzz: ${auth.error}`, ...serverExceptions(server.output())],
        };
      }
      lines.push(auth.note);

      const maxExamples = options.maxExamples ?? DEFAULT_MAX_EXAMPLES;
      const fuzzWith = async (workers: number) => {
        const reportPath = join(context.scratchDir, `schemathesis-${randomBytes(3).toString("hex")}.json`);
        const args = [
          "tool",
          "run",
          "--from",
          SCHEMATHESIS_REQUIREMENT,
          "schemathesis",
          "run",
          openapiUrl,
          "--checks",
          FUZZ_CHECKS.join(","),
          "--max-examples",
          String(maxExamples),
          "--workers",
          String(workers),
          "--request-timeout",
          "10",
          "--report",
          "json",
          "--report-json-path",
          reportPath,
          ...(options.seed !== undefined ? ["--seed", String(options.seed)] : []),
          ...(auth.token ? ["--header", `Authorization: Bearer ${auth.token}`] : []),
        ];
        const shown = args.map((a) =>
          auth.token && a.includes(auth.token) ? "Authorization: Bearer ***" : a,
        );
        const result = await context.uvRun(args, undefined, options.timeoutMs ?? DEFAULT_FUZZ_TIMEOUT_MS);
        const stStatus = result.exitCode === 0 ? "" : `\n[exit code ${result.exitCode}]`;
        lines.push(`$ uv ${shown.join(" ")}\n${result.output.replace(/\s+$/, "")}${stStatus}`);
        return { result, reportPath };
      };
      let { result, reportPath } = await fuzzWith(options.workers ?? DEFAULT_WORKERS);
      if (result.exitCode !== 0 && AST_THREAD_RACE.test(result.output)) {
        lines.push(
          "schemathesis itself hit CPython's ast thread race (gh-106905, fixed in 3.11.8 and 3.12.2): once more, in one thread",
        );
        ({ result, reportPath } = await fuzzWith(1));
      }

      let report: SchemathesisReport | undefined;
      try {
        report = JSON.parse(await readFile(reportPath, "utf8")) as SchemathesisReport;
      } catch {
        report = undefined;
      }
      const cases = report?.test_cases?.generated ?? casesFromText(result.output) ?? 0;
      const failures = report?.test_cases?.unique_failures ?? report?.failures?.length ?? 0;
      const errored = (report?.test_cases?.errored ?? 0) + (report?.errors?.length ?? 0);
      const operations = report?.operations?.tested ?? countOperations(doc);
      const died = server.exit();
      const metrics = {
        cases,
        failures,
        errors: errored,
        operations,
        maxExamples,
        ...(report?.seed !== undefined ? { seed: String(report.seed) } : {}),
      };
      const figure = `${formatCount(cases)} cases, ${formatCount(failures)} ${failures === 1 ? "failure" : "failures"}`;
      const output = (): string => [...lines, "", serverLog(server)].join("\n");

      if (died) {
        return {
          ok: false,
          summary: `the server died while being fuzzed (${died.signal ?? `exit code ${died.code}`}); ${figure}`,
          output: output(),
          metrics,
          excerpt: serverExceptions(server.output()),
        };
      }
      if (result.timedOut) {
        return {
          ok: false,
          summary: `schemathesis did not finish within ${seconds(options.timeoutMs ?? DEFAULT_FUZZ_TIMEOUT_MS)}`,
          output: output(),
          metrics,
        };
      }
      if (result.exitCode === 0 && failures === 0 && errored === 0) {
        return {
          ok: true,
          summary: `${figure} (${operations} operations)`,
          output: output(),
          metrics,
        };
      }
      let summary: string;
      if (failures > 0) summary = `${figure} (${operations} operations)`;
      else if (!report && cases === 0)
        summary = `schemathesis did not run: ${lastMeaningfulLine(result.output)}`;
      else summary = `${figure}, ${errored} ${errored === 1 ? "error" : "errors"} (${operations} operations)`;
      const headlines = schemathesisFailures(result.output);
      return {
        ok: false,
        summary,
        output: output(),
        metrics,
        excerpt: [
          ...(headlines.length ? headlines : errorExcerpt("fuzz", result.output)),
          ...serverExceptions(server.output()).map((e) => `server: ${e}`),
        ].slice(0, 12),
      };
    } finally {
      await server.stop(SHUTDOWN_GRACE_MS);
    }
  },
};
