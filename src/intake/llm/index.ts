/**
 * The optional LLM reader of requests in words: used only when an OpenAI-compatible endpoint is configured
 * (PYTHON_SPECIALIST_LLM_BASE_URL and _MODEL), else nothing leaves the machine and the offline rule-based
 * reader (../nl) answers.
 */
export { checkAnswer } from "./answer.js";
export { type ChatMessage, type ChatRequest, chatRequest, type Fetch } from "./client.js";
export { DEFAULT_TIMEOUT_SECONDS, LLM_ENV, type LlmConfig, llmConfigFromEnv, llmHost } from "./config.js";
export { LlmError } from "./errors.js";
export {
  formatLlmReading,
  type LlmReading,
  type LlmResult,
  MAX_REPAIRS,
  readRequestWithLlm,
  SYSTEM_PROMPT,
} from "./read.js";
