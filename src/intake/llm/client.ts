/**
 * One call of an OpenAI-compatible `POST {base}/chat/completions` with a JSON Schema response format, using
 * Node's global fetch. Every way it can fail (unreachable, timeout, HTTP error, a body that is not the
 * protocol's JSON) becomes an LlmError that names the host and says what to check.
 */
import { LLM_ENV, type LlmConfig, llmHost } from "./config.js";
import { LlmError } from "./errors.js";

export interface ChatMessage {
  readonly role: "system" | "user" | "assistant";
  readonly content: string;
}

export interface ChatRequest {
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  readonly response_format: {
    readonly type: "json_schema";
    readonly json_schema: { readonly name: string; readonly schema: object; readonly strict: false };
  };
}

export type Fetch = typeof fetch;

/** The request body: the conversation and the schema, nothing else. */
export function chatRequest(
  config: LlmConfig,
  messages: readonly ChatMessage[],
  schema: object,
): ChatRequest {
  return {
    model: config.model,
    messages,
    // strict: false because strict mode accepts only a subset of JSON Schema (no defaults, every key
    // required); the answer is validated here with the full schema anyway.
    response_format: { type: "json_schema", json_schema: { name: "blueprint", schema, strict: false } },
  };
}

/** The assistant's text for `messages`; throws LlmError. */
export async function complete(
  config: LlmConfig,
  messages: readonly ChatMessage[],
  schema: object,
  fetchImpl: Fetch = fetch,
): Promise<string> {
  const host = llmHost(config);
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (config.apiKey) headers.authorization = `Bearer ${config.apiKey}`;
  // One signal for the whole exchange, so a server that sends headers and then stalls times out too.
  const signal = AbortSignal.timeout(config.timeoutMs);
  let status: number;
  let text: string;
  try {
    const response = await fetchImpl(`${config.baseUrl}/chat/completions`, {
      method: "POST",
      headers,
      body: JSON.stringify(chatRequest(config, messages, schema)),
      signal,
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    throw transportError(error, host, config.timeoutMs);
  }
  if (status < 200 || status > 299) throw httpError(status, text, host);
  return contentOf(text, host);
}

function transportError(error: unknown, host: string, timeoutMs: number): LlmError {
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") {
    return new LlmError(
      `the LLM at ${host} did not answer within ${timeoutMs / 1000} s; raise ${LLM_ENV.timeout} (seconds), or pass --no-llm to read the request offline`,
    );
  }
  // fetch reports network failures as "fetch failed" with the system error as its cause.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const code = cause && "code" in cause ? String(cause.code) : undefined;
  const detail = code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return new LlmError(
    `cannot reach the LLM at ${host} (${detail}); check ${LLM_ENV.baseUrl}, or pass --no-llm to read the request offline`,
  );
}

const HTTP_HINTS: Readonly<Record<number, string>> = {
  400: `the server rejected the request; check that ${LLM_ENV.model} names a model that supports response_format json_schema`,
  401: `check ${LLM_ENV.apiKey}`,
  403: `check ${LLM_ENV.apiKey} and the model's access`,
  404: `check ${LLM_ENV.baseUrl} (most servers expect it to end in /v1) and ${LLM_ENV.model}`,
  429: "the server is rate limiting; try again later",
};

function httpError(status: number, body: string, host: string): LlmError {
  const hint = HTTP_HINTS[status] ?? (status >= 500 ? "the server failed; try again later" : undefined);
  const detail = serverMessage(body);
  return new LlmError(
    `the LLM at ${host} answered HTTP ${status}${detail ? `: ${detail}` : ""}${hint ? `; ${hint}` : ""}, or pass --no-llm to read the request offline`,
  );
}

/** `{"error": {"message": …}}` as OpenAI-compatible servers send it, else the start of the body. */
function serverMessage(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    const error = field(parsed, "error");
    const message = field(error, "message") ?? error;
    if (typeof message === "string") return shorten(message);
  } catch {
    // Not JSON: show the text itself.
  }
  return shorten(body.trim());
}

function contentOf(body: string, host: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new LlmError(
      `the LLM at ${host} did not answer with JSON (got ${JSON.stringify(shorten(body.trim()))}); check ${LLM_ENV.baseUrl}`,
    );
  }
  const choice = arrayItem(field(parsed, "choices"), 0);
  const message = field(choice, "message");
  const refusal = field(message, "refusal");
  if (typeof refusal === "string" && refusal) throw new LlmError(`the model refused: ${shorten(refusal)}`);
  const content = field(message, "content");
  if (typeof content !== "string") {
    throw new LlmError(
      `the LLM at ${host} answered without choices[0].message.content, which is not the chat-completions protocol; check ${LLM_ENV.baseUrl}`,
    );
  }
  return content;
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function arrayItem(value: unknown, index: number): unknown {
  return Array.isArray(value) ? value[index] : undefined;
}

function shorten(text: string, limit = 300): string {
  const line = text.replace(/\s+/g, " ");
  return line.length > limit ? `${line.slice(0, limit - 1)}…` : line;
}
