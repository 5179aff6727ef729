/**
 * Where the optional LLM reader sends a request: an OpenAI-compatible chat-completions endpoint named by
 * environment variables. Nothing is configured unless the base URL is set, so by default nothing leaves
 * the machine.
 */
import { LlmError } from "./errors.js";

export const LLM_ENV = {
  baseUrl: "PYTHON_SPECIALIST_LLM_BASE_URL",
  apiKey: "PYTHON_SPECIALIST_LLM_API_KEY",
  model: "PYTHON_SPECIALIST_LLM_MODEL",
  timeout: "PYTHON_SPECIALIST_LLM_TIMEOUT",
} as const;

/** Long enough for a local model to write a blueprint of a dozen entities; short enough to notice a hang. */
export const DEFAULT_TIMEOUT_SECONDS = 120;

export interface LlmConfig {
  /** Without a trailing slash, e.g. `https://api.openai.com/v1`. */
  readonly baseUrl: string;
  readonly model: string;
  /** Sent as a bearer token; local servers usually need none. */
  readonly apiKey?: string;
  readonly timeoutMs: number;
}

type Env = Readonly<Record<string, string | undefined>>;

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/**
 * The configured endpoint, or undefined when none of the variables is set. A partial or malformed setting
 * is an error rather than a silent fallback: whoever set one variable meant to use the LLM.
 */
export function llmConfigFromEnv(env: Env = process.env): LlmConfig | undefined {
  const baseUrl = read(env, LLM_ENV.baseUrl);
  const model = read(env, LLM_ENV.model);
  const apiKey = read(env, LLM_ENV.apiKey);
  const timeout = read(env, LLM_ENV.timeout);
  if (!baseUrl && !model && !apiKey && !timeout) return undefined;
  const missing = [...(baseUrl ? [] : [LLM_ENV.baseUrl]), ...(model ? [] : [LLM_ENV.model])];
  if (missing.length > 0 || !baseUrl || !model) {
    throw new LlmError(
      `the LLM reader is half configured: set ${missing.join(" and ")} too (e.g. ${LLM_ENV.baseUrl}=https://api.openai.com/v1 ${LLM_ENV.model}=gpt-4o-mini), or pass --no-llm to read requests offline`,
    );
  }
  return {
    baseUrl: checkedBaseUrl(baseUrl),
    model,
    ...(apiKey ? { apiKey } : {}),
    timeoutMs: timeoutSeconds(timeout) * 1000,
  };
}

function checkedBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new LlmError(`${LLM_ENV.baseUrl} must be a URL such as https://api.openai.com/v1, got "${value}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new LlmError(`${LLM_ENV.baseUrl} must be an http or https URL, got "${value}"`);
  }
  return value.replace(/\/+$/, "");
}

function timeoutSeconds(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIMEOUT_SECONDS;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new LlmError(`${LLM_ENV.timeout} must be a positive number of seconds, got "${value}"`);
  }
  return seconds;
}

/** The host named in messages and in the plan ("read by: LLM gpt-4o-mini at api.openai.com"). */
export function llmHost(config: LlmConfig): string {
  return new URL(config.baseUrl).host;
}
