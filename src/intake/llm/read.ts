/**
 * From a sentence to a Blueprint through an OpenAI-compatible LLM. Only the request sentence is sent (with
 * fixed instructions and the Blueprint JSON Schema): no code, no files, no environment. The answer is
 * validated like a blueprint file; while it is invalid, the problems are sent back for a bounded number of
 * repairs, then the reader gives up with an error naming each remaining problem.
 */
import { blueprintJsonSchema } from "../../blueprint/json-schema.js";
import type { Blueprint } from "../../blueprint/schema.js";
import { checkAnswer } from "./answer.js";
import { type ChatMessage, complete, type Fetch } from "./client.js";
import { type LlmConfig, llmHost } from "./config.js";
import { LlmError } from "./errors.js";

/** Two repairs fix what a capable model gets wrong; more rarely helps and costs time and tokens. */
export const MAX_REPAIRS = 2;

/** Fixed instructions: the rules the JSON Schema cannot say. Contains nothing from the user's machine. */
export const SYSTEM_PROMPT = [
  "You design Python backend projects. Turn the user's request into a python-specialist blueprint:",
  "one JSON object that follows the given JSON Schema. Answer with that JSON object only.",
  "- `name` is the project's snake_case package name; entity names are PascalCase; field and relation names snake_case.",
  "- Every entity already has id, created_at and updated_at: do not declare them.",
  "- With auth kind jwt the User model is built in: do not declare a User entity; mark rows that belong to",
  "  the user who created them with `owned_by: user`.",
  "- Relations point at entities declared in `entities`.",
  "- Choose fields, types, constraints, filters, sorting and access rules as an expert would.",
  "- Anything the request asks for that the schema has no key for goes under `features`, keyed by its name",
  '  (e.g. "caching", "background_jobs", "graphql"), so it is reported instead of dropped.',
  "- Leave out every key the request does not decide: its default applies.",
].join("\n");

export interface LlmReading {
  readonly source: "llm";
  readonly model: string;
  readonly host: string;
  /** How many repair rounds the answer needed (0: valid at once). */
  readonly repairs: number;
}

export interface LlmResult {
  readonly blueprint: Blueprint;
  readonly reading: LlmReading;
}

export async function readRequestWithLlm(
  request: string,
  config: LlmConfig,
  fetchImpl: Fetch = fetch,
): Promise<LlmResult> {
  const schema = blueprintJsonSchema();
  const messages: ChatMessage[] = [
    { role: "system", content: SYSTEM_PROMPT },
    { role: "user", content: request },
  ];
  const reading = (repairs: number): LlmReading => ({
    source: "llm",
    model: config.model,
    host: llmHost(config),
    repairs,
  });
  for (let repairs = 0; ; repairs++) {
    const content = await complete(config, messages, schema, fetchImpl);
    const checked = checkAnswer(content);
    if ("blueprint" in checked) return { blueprint: checked.blueprint, reading: reading(repairs) };
    if (repairs === MAX_REPAIRS) {
      throw new LlmError(
        [
          `the blueprint from LLM ${config.model} at ${llmHost(config)} is still invalid after ${MAX_REPAIRS} repairs:`,
          ...checked.issues.map((issue) => `  - ${issue}`),
          "rephrase the request, or pass --no-llm to read it offline with the rule-based reader",
        ].join("\n"),
        checked.issues,
      );
    }
    messages.push({ role: "assistant", content }, { role: "user", content: repairMessage(checked.issues) });
  }
}

function repairMessage(issues: readonly string[]): string {
  return [
    "That blueprint is invalid:",
    ...issues.map((issue) => `- ${issue}`),
    "Answer with the whole corrected blueprint as one JSON object.",
  ].join("\n");
}

/** The reading as text for the terminal, before the plan. */
export function formatLlmReading(reading: LlmReading, blueprint: Blueprint): string {
  const repaired =
    reading.repairs === 0
      ? "valid at once"
      : `valid after ${reading.repairs} repair${reading.repairs > 1 ? "s" : ""}`;
  return [
    `Read by: LLM ${reading.model} at ${reading.host} (${repaired}; only the request was sent)`,
    `   - ${blueprint.framework}, ${blueprint.database}, auth: ${blueprint.auth.kind}`,
    `   - entities: ${blueprint.entities.map((e) => e.name).join(", ")}`,
  ].join("\n");
}
