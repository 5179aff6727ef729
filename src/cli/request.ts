/**
 * Reading a request in words: by the LLM when one is configured (or `--llm`), else — and always with
 * `--no-llm` — by the offline rule-based reader. Without configuration nothing leaves the machine.
 */
import type { Blueprint } from "../blueprint/schema.js";
import {
  type Fetch,
  formatLlmReading,
  LLM_ENV,
  type LlmReading,
  llmConfigFromEnv,
  readRequestWithLlm,
} from "../intake/llm/index.js";
import { formatReading, parseRequest, type RequestReading, readingBlueprint } from "../intake/nl/index.js";
import { UsageError } from "./usage-error.js";

/** How the request was read; `source` tells which reader ("rules" or "llm"). */
export type Reading = RequestReading | LlmReading;

export interface ReadRequestOptions {
  /** true: `--llm` (configuration required); false: `--no-llm`; undefined: the LLM iff configured. */
  readonly llm?: boolean;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly fetch?: Fetch;
}

export async function readRequest(
  request: string,
  options: ReadRequestOptions = {},
): Promise<{ blueprint: Blueprint; reading: Reading }> {
  const config = options.llm === false ? undefined : llmConfigFromEnv(options.env ?? process.env);
  if (options.llm === true && !config) {
    throw new UsageError(
      `--llm needs an OpenAI-compatible endpoint: set ${LLM_ENV.baseUrl} and ${LLM_ENV.model} (and ${LLM_ENV.apiKey} if it needs one)`,
    );
  }
  if (config) return readRequestWithLlm(request, config, options.fetch);
  const reading = parseRequest(request);
  if (reading.unsupported.length) {
    throw new UsageError(
      `${formatReading(reading)}\n\ncannot generate this project yet: it asks for what is not built yet`,
    );
  }
  return { blueprint: readingBlueprint(reading), reading };
}

/** What was read, for the terminal: understood / assumed for the rules, the model and host for the LLM. */
export function formatRequestReading(reading: Reading, blueprint: Blueprint): string {
  return reading.source === "llm" ? formatLlmReading(reading, blueprint) : formatReading(reading);
}
