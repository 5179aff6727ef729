/**
 * The optional LLM reader against a local fake of the chat-completions protocol (node:http on 127.0.0.1,
 * a random port): valid answers, repairs, giving up, HTTP and protocol errors, timeouts, exactly what is
 * sent — and that without configuration nothing is sent at all.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { homedir } from "node:os";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { blueprintJsonSchema } from "../../src/blueprint/json-schema.js";
import { planInteractively } from "../../src/cli/interactive.js";
import { main } from "../../src/cli/program.js";
import {
  checkAnswer,
  DEFAULT_TIMEOUT_SECONDS,
  LLM_ENV,
  type LlmConfig,
  LlmError,
  llmConfigFromEnv,
  MAX_REPAIRS,
  readRequestWithLlm,
  SYSTEM_PROMPT,
} from "../../src/intake/llm/index.js";
import type { Asker } from "../../src/intake/wizard/index.js";

const SENTENCE = "A FastAPI API for a library: books and authors, with JWT auth";
const API_KEY = "sk-test-secret-key";

const VALID = {
  name: "library",
  entities: [
    { name: "Author", fields: [{ name: "name", max_length: 120 }] },
    { name: "Book", fields: [{ name: "title" }], relations: [{ name: "author", to: "Author" }] },
  ],
};
/** Mistakes models make: a name the schema rejects… */
const INVALID = { name: "library", entities: [{ name: "book", fields: [{ name: "title" }] }] };
/** …and, once the shape is right, what the semantic rules reject: a built-in field, an undeclared entity. */
const ALSO_INVALID = {
  name: "library",
  entities: [{ name: "Book", fields: [{ name: "id" }], relations: [{ name: "shelf", to: "Shelf" }] }],
};

interface Received {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly headers: IncomingHttpHeaders;
  readonly raw: string;
  readonly body: {
    model: string;
    messages: { role: string; content: string }[];
    response_format: { type: string; json_schema: { name: string; schema: object; strict: boolean } };
  };
}

type Reply = { status?: number; body: string } | "hang";

/** A chat-completions server that answers from a queue and records every request. */
class FakeLlm {
  readonly received: Received[] = [];
  private replies: Reply[] = [];
  private readonly server: Server;

  constructor() {
    this.server = createServer((req, res) => {
      let raw = "";
      req.on("data", (chunk: Buffer) => {
        raw += chunk.toString("utf8");
      });
      req.on("end", () => {
        this.received.push({
          method: req.method,
          url: req.url,
          headers: req.headers,
          raw,
          body: JSON.parse(raw),
        });
        const reply = this.replies.shift() ?? {
          status: 500,
          body: '{"error":{"message":"no reply queued"}}',
        };
        if (reply === "hang") return;
        res.writeHead(reply.status ?? 200, { "content-type": "application/json" });
        res.end(reply.body);
      });
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  get host(): string {
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  reset(...replies: Reply[]): void {
    this.received.length = 0;
    this.replies = replies;
  }
}

/** A chat-completions answer whose message content is `content` (JSON-encoded unless a string). */
function answer(content: unknown): Reply {
  const text = typeof content === "string" ? content : JSON.stringify(content);
  return {
    body: JSON.stringify({
      id: "chatcmpl-1",
      object: "chat.completion",
      choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }],
    }),
  };
}

const fake = new FakeLlm();
let config: LlmConfig;

beforeAll(async () => {
  await fake.start();
  config = { baseUrl: fake.baseUrl, model: "test-model", apiKey: API_KEY, timeoutMs: 5000 };
});

afterAll(async () => {
  await fake.stop();
});

describe("configuration", () => {
  it("is absent unless a variable is set", () => {
    expect(llmConfigFromEnv({})).toBeUndefined();
    expect(llmConfigFromEnv({ [LLM_ENV.baseUrl]: "  " })).toBeUndefined();
  });

  it("reads the base URL, model, key and timeout", () => {
    expect(
      llmConfigFromEnv({
        [LLM_ENV.baseUrl]: "http://localhost:11434/v1/",
        [LLM_ENV.model]: "llama3.1",
        [LLM_ENV.timeout]: "30",
      }),
    ).toEqual({ baseUrl: "http://localhost:11434/v1", model: "llama3.1", timeoutMs: 30_000 });
    expect(
      llmConfigFromEnv({ [LLM_ENV.baseUrl]: "https://api.example.com/v1", [LLM_ENV.model]: "m" })?.timeoutMs,
    ).toBe(DEFAULT_TIMEOUT_SECONDS * 1000);
  });

  it("refuses half a configuration, naming what is missing", () => {
    expect(() => llmConfigFromEnv({ [LLM_ENV.baseUrl]: "https://api.example.com/v1" })).toThrow(
      /set PYTHON_SPECIALIST_LLM_MODEL too.*--no-llm/,
    );
    expect(() => llmConfigFromEnv({ [LLM_ENV.apiKey]: "k" })).toThrow(
      /PYTHON_SPECIALIST_LLM_BASE_URL and PYTHON_SPECIALIST_LLM_MODEL/,
    );
  });

  it("refuses a base URL that is not http(s) and a timeout that is not a positive number", () => {
    const env = { [LLM_ENV.model]: "m" };
    expect(() => llmConfigFromEnv({ ...env, [LLM_ENV.baseUrl]: "localhost:8080" })).toThrow(/http or https/);
    expect(() => llmConfigFromEnv({ ...env, [LLM_ENV.baseUrl]: "not a url" })).toThrow(/must be a URL/);
    expect(() =>
      llmConfigFromEnv({ ...env, [LLM_ENV.baseUrl]: "http://x/v1", [LLM_ENV.timeout]: "soon" }),
    ).toThrow(/positive number of seconds/);
  });
});

describe("reading a request", () => {
  it("sends the sentence and the Blueprint JSON Schema, and nothing else", async () => {
    fake.reset(answer(VALID));
    await readRequestWithLlm(SENTENCE, config);

    expect(fake.received).toHaveLength(1);
    const [request] = fake.received;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe("/v1/chat/completions");
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(Object.keys(request?.body ?? {}).sort()).toEqual(["messages", "model", "response_format"]);
    expect(request?.body.model).toBe("test-model");
    expect(request?.body.messages).toEqual([
      { role: "system", content: SYSTEM_PROMPT },
      { role: "user", content: SENTENCE },
    ]);
    expect(request?.body.response_format).toEqual({
      type: "json_schema",
      json_schema: { name: "blueprint", schema: blueprintJsonSchema(), strict: false },
    });
    // Nothing from this machine: no secret in the body, no paths, no environment.
    const raw = request?.raw ?? "";
    for (const leak of [API_KEY, process.cwd(), homedir(), process.env.USER ?? "\u0000"]) {
      expect(raw).not.toContain(leak);
    }
  });

  it("returns a valid answer as the Blueprint, read at once", async () => {
    fake.reset(answer(VALID));
    const { blueprint, reading } = await readRequestWithLlm(SENTENCE, config);
    expect(blueprint.entities.map((e) => e.name)).toEqual(["Author", "Book"]);
    expect(blueprint.framework).toBe("fastapi");
    expect(reading).toEqual({ source: "llm", model: "test-model", host: fake.host, repairs: 0 });
  });

  it("sends the problems of an invalid answer back, and takes the repaired one", async () => {
    fake.reset(answer(INVALID), answer(VALID));
    const { blueprint, reading } = await readRequestWithLlm(SENTENCE, config);

    expect(reading.repairs).toBe(1);
    expect(blueprint.name).toBe("library");
    const messages = fake.received[1]?.body.messages ?? [];
    expect(messages.slice(0, 2)).toEqual([
      { role: "system", content: SYSTEM_PROMPT },
      { role: "user", content: SENTENCE },
    ]);
    expect(messages[2]).toEqual({ role: "assistant", content: JSON.stringify(INVALID) });
    expect(messages[3]?.role).toBe("user");
    expect(messages[3]?.content).toMatch(/^That blueprint is invalid:/);
    expect(messages[3]?.content).toContain("entities[0].name: use PascalCase");
    expect(messages).toHaveLength(4);
  });

  it(`gives up after ${MAX_REPAIRS} repairs with an error naming each remaining problem`, async () => {
    fake.reset(answer(INVALID), answer(INVALID), answer(ALSO_INVALID));
    const error = await readRequestWithLlm(SENTENCE, config).catch((e: unknown) => e);

    expect(fake.received).toHaveLength(1 + MAX_REPAIRS);
    expect(error).toBeInstanceOf(LlmError);
    const message = (error as LlmError).message;
    expect(message).toMatch(/still invalid after 2 repairs/);
    expect(message).toContain("entities[0].fields[0].name: ");
    expect(message).toContain('entities[0].relations[0].to: unknown entity "Shelf"');
    expect(message).toContain("--no-llm");
    expect((error as LlmError).issues.length).toBeGreaterThanOrEqual(2);
  });

  it("reports an HTTP 500 with the server's message", async () => {
    fake.reset({ status: 500, body: '{"error":{"message":"model overloaded"}}' });
    await expect(readRequestWithLlm(SENTENCE, config)).rejects.toThrow(
      new RegExp(`the LLM at ${fake.host} answered HTTP 500: model overloaded; the server failed`),
    );
  });

  it("says which setting to check on 401 and 404", async () => {
    fake.reset({ status: 401, body: '{"error":{"message":"bad key"}}' });
    await expect(readRequestWithLlm(SENTENCE, config)).rejects.toThrow(
      /HTTP 401: bad key; check PYTHON_SPECIALIST_LLM_API_KEY/,
    );
    fake.reset({ status: 404, body: "Not Found" });
    await expect(readRequestWithLlm(SENTENCE, config)).rejects.toThrow(
      /HTTP 404: Not Found; check PYTHON_SPECIALIST_LLM_BASE_URL/,
    );
  });

  it("reports a body that is not the protocol's JSON", async () => {
    fake.reset({ body: "<html>proxy login</html>" });
    await expect(readRequestWithLlm(SENTENCE, config)).rejects.toThrow(/did not answer with JSON/);
    fake.reset({ body: '{"result": "ok"}' });
    await expect(readRequestWithLlm(SENTENCE, config)).rejects.toThrow(
      /without choices\[0\]\.message\.content/,
    );
  });

  it("times out on a server that never answers", async () => {
    fake.reset("hang");
    await expect(readRequestWithLlm(SENTENCE, { ...config, timeoutMs: 300 })).rejects.toThrow(
      /did not answer within 0\.3 s; raise PYTHON_SPECIALIST_LLM_TIMEOUT/,
    );
  });

  it("reports an endpoint nobody listens on", async () => {
    const gone = createServer();
    await new Promise<void>((resolve) => gone.listen(0, "127.0.0.1", resolve));
    const { port } = gone.address() as AddressInfo;
    await new Promise((resolve) => gone.close(resolve));
    const closed = { ...config, baseUrl: `http://127.0.0.1:${port}/v1` };
    await expect(readRequestWithLlm(SENTENCE, closed)).rejects.toThrow(
      new RegExp(`cannot reach the LLM at 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`),
    );
  });
});

describe("checking an answer", () => {
  it("takes JSON inside a Markdown fence", () => {
    expect("blueprint" in checkAnswer(`\`\`\`json\n${JSON.stringify(VALID)}\n\`\`\``)).toBe(true);
  });

  it("keeps features that are not built yet, for the plan to refuse by name, instead of repairing them away", () => {
    const checked = checkAnswer(JSON.stringify({ ...VALID, features: { caching: { backend: "redis" } } }));
    expect("blueprint" in checked && checked.blueprint.features).toEqual({ caching: { backend: "redis" } });
  });

  it("names unknown keys and text that is not JSON", () => {
    expect(checkAnswer(JSON.stringify({ ...VALID, colour: "red" }))).toEqual({
      issues: ['(top level): Unrecognized key: "colour" (colour)'],
    });
    expect(checkAnswer("Sure! Here is your blueprint")).toMatchObject({
      issues: [expect.stringMatching(/^the answer is not a JSON object/)],
    });
  });
});

describe("the CLI", () => {
  async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = "";
    let stderr = "";
    const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      stdout += String(chunk);
      return true;
    });
    const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
    const code = await main(args);
    // Only these two: a test's own spies (on fetch) must keep their records.
    out.mockRestore();
    err.mockRestore();
    return { code, stdout, stderr };
  }

  beforeEach(() => {
    // Whatever the developer's shell has set, each test starts unconfigured.
    for (const name of Object.values(LLM_ENV)) vi.stubEnv(name, "");
  });

  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  function configure(): void {
    vi.stubEnv(LLM_ENV.baseUrl, fake.baseUrl);
    vi.stubEnv(LLM_ENV.model, "test-model");
  }

  it("plan marks a blueprint read by the LLM with the model and host", async () => {
    configure();
    fake.reset(answer(VALID));
    const text = await run("plan", SENTENCE);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      `Read by: LLM test-model at ${fake.host} (valid at once; only the request was sent)`,
    );
    expect(text.stdout).toContain("Plan for library");

    fake.reset(answer(INVALID), answer(VALID));
    const json = await run("--json", "plan", SENTENCE);
    expect(JSON.parse(json.stdout).reading).toEqual({
      source: "llm",
      model: "test-model",
      host: fake.host,
      repairs: 1,
    });
  });

  it("refuses what the LLM read as not built yet, by name", async () => {
    configure();
    fake.reset(answer({ ...VALID, features: { caching: { backend: "redis" } } }));
    const { code, stderr } = await run("plan", SENTENCE);
    // The plan lists it; `new` refuses to generate it.
    expect(code).toBe(0);
    fake.reset(answer({ ...VALID, features: { caching: { backend: "redis" } } }));
    const generated = await run("new", "/tmp/ps-llm-never-written", SENTENCE, "--dry-run");
    expect(generated.code).toBe(2);
    expect(generated.stderr).toContain('feature "caching" is not supported yet');
    expect(stderr).toBe("");
  });

  it("--interactive preselects from the LLM's reading, and refuses what is not built before any question", async () => {
    configure();
    const never = async (): Promise<never> => {
      throw new Error("asked a question");
    };
    const output = { write: () => true } as unknown as NodeJS.WritableStream;
    const io = { asker: { select: never, input: never, checkbox: never }, confirm: never, output };
    fake.reset(answer({ ...VALID, features: { caching: { backend: "redis" } } }));
    await expect(planInteractively("/tmp/library", SENTENCE, {}, io)).rejects.toThrow(
      'feature "caching" is not supported yet',
    );

    fake.reset(answer(VALID));
    const enter: Asker = {
      select: async (q) => q.default,
      input: async (q) => q.default ?? "",
      checkbox: async (q) => q.choices.filter((c) => c.checked).map((c) => c.value),
    };
    const { blueprint, reading } = await planInteractively(
      "/tmp/elsewhere",
      SENTENCE,
      {},
      { ...io, asker: enter },
    );
    expect(reading?.source).toBe("llm");
    expect(blueprint.name).toBe("library");
    expect(blueprint.entities.map((e) => e.name)).toEqual(["Author", "Book"]);
  });

  it("exits 2 with the error when the LLM fails", async () => {
    configure();
    fake.reset({ status: 500, body: "{}" });
    const { code, stderr } = await run("plan", SENTENCE);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: the LLM at .* answered HTTP 500/);
  });

  it("with --no-llm reads offline even when configured", async () => {
    configure();
    fake.reset();
    const { code, stdout } = await run("plan", SENTENCE, "--no-llm");
    expect(code).toBe(0);
    expect(stdout).toContain("Understood:");
    expect(fake.received).toEqual([]);
  });

  it("without configuration sends nothing anywhere", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const { code, stdout } = await run("plan", SENTENCE);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(code).toBe(0);
    expect(stdout).toContain("Understood:");
    expect(stdout).not.toContain("Read by: LLM");
  });

  it("with --llm but no configuration says what to set", async () => {
    const { code, stderr } = await run("plan", SENTENCE, "--llm");
    expect(code).toBe(2);
    expect(stderr).toContain("--llm needs an OpenAI-compatible endpoint: set PYTHON_SPECIALIST_LLM_BASE_URL");
  });
});
