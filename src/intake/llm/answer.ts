/**
 * Checking what the model answered with the same rules as every other intake: the zod schema, then the
 * semantic validation. The problems come back as `path: message; hint` lines, which are both what the
 * repair message tells the model and what the final error tells the user.
 */
import { formatPath } from "../../blueprint/errors.js";
import { type Blueprint, blueprintSchema } from "../../blueprint/schema.js";
import { validateBlueprint } from "../../blueprint/validate.js";

export type Checked = { readonly blueprint: Blueprint } | { readonly issues: readonly string[] };

export function checkAnswer(content: string): Checked {
  let data: unknown;
  try {
    data = JSON.parse(unfenced(content));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { issues: [`the answer is not a JSON object (${why})`] };
  }
  const parsed = blueprintSchema.safeParse(data);
  if (!parsed.success) {
    return {
      issues: parsed.error.issues.map((issue) => {
        const path = issue.path.map((part) => (typeof part === "symbol" ? String(part) : part));
        const keys = issue.code === "unrecognized_keys" ? ` (${issue.keys.join(", ")})` : "";
        return `${formatPath(path) || "(top level)"}: ${issue.message}${keys}`;
      }),
    };
  }
  // Features the request asks for that are not built yet are a faithful reading, not a mistake: the plan
  // refuses them by name. Asking the model to repair them would drop them silently.
  const semantic = validateBlueprint(parsed.data).filter((issue) => issue.path[0] !== "features");
  if (semantic.length > 0) {
    return {
      issues: semantic.map(
        (issue) => `${formatPath(issue.path)}: ${issue.message}${issue.hint ? `; ${issue.hint}` : ""}`,
      ),
    };
  }
  return { blueprint: parsed.data };
}

/** Servers that ignore `response_format` tend to wrap the JSON in a Markdown code fence. */
function unfenced(content: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/.exec(content);
  return fenced?.[1] ?? content;
}
