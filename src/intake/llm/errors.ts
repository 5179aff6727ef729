/** A failure of the LLM reader the user can act on (configuration, the endpoint, an unusable answer): exit 2. */
export class LlmError extends Error {
  constructor(
    message: string,
    /** For an answer that stayed invalid: each remaining problem, `path: message`. */
    readonly issues: readonly string[] = [],
  ) {
    super(message);
    this.name = "LlmError";
  }
}
