/**
 * `new <dir> --interactive ["<request>"]`: the request (if any) is read first and preselects the answers,
 * the wizard asks, the plan is shown, and the user confirms before anything is written. Prompts and the
 * plan go to stdout, or to stderr with --json so that stdout stays one JSON document.
 */
import type { Blueprint } from "../blueprint/schema.js";
import {
  type Asker,
  confirmOnTerminal,
  runWizard,
  terminalAsker,
  terminalProblem,
  type WizardContext,
} from "../intake/wizard/index.js";
import { formatPlan, type Plan, planProject } from "../plan/plan.js";
import { formatRequestReading, type Reading, readRequest } from "./request.js";
import { UsageError } from "./usage-error.js";

export interface InteractiveOptions {
  readonly blueprint?: string;
  readonly framework?: Blueprint["framework"];
  readonly llm?: boolean;
}

export interface Terminal {
  readonly asker: Asker;
  readonly confirm: (message: string) => Promise<boolean>;
  readonly output: NodeJS.WritableStream;
}

export function terminal(json: boolean): Terminal {
  const output = json ? process.stderr : process.stdout;
  return { asker: terminalAsker(output), confirm: (message) => confirmOnTerminal(message, output), output };
}

/** Checked before anything else, so a script that passes --interactive fails at once (exit 2). */
export function checkInteractive(
  options: InteractiveOptions,
  stdin: { isTTY?: boolean } = process.stdin,
): void {
  if (options.blueprint) {
    throw new UsageError(
      "--interactive asks what a blueprint file already says: give --blueprint <file> or --interactive, not both",
    );
  }
  const problem = terminalProblem(stdin);
  if (problem) throw new UsageError(problem);
}

export async function planInteractively(
  dir: string,
  request: string | undefined,
  options: InteractiveOptions,
  io: Terminal,
): Promise<{ blueprint: Blueprint; plan: Plan; reading?: Reading }> {
  let context: WizardContext = { dir, ...(options.framework ? { framework: options.framework } : {}) };
  let reading: Reading | undefined;
  if (request) {
    const read = await readRequest(request, { llm: options.llm });
    io.output.write(`${formatRequestReading(read.reading, read.blueprint)}\n\n`);
    // The rule-based reader refuses these itself; an LLM's reading is refused here, before any question.
    const features = Object.keys(read.blueprint.features);
    if (features.length > 0) {
      throw new UsageError(
        `cannot generate this project yet:\n${features.map((f) => `  - feature "${f}" is not supported yet`).join("\n")}`,
      );
    }
    context = { ...context, request: read.blueprint };
    reading = read.reading;
  }
  const blueprint = await runWizard(io.asker, context);
  const plan = planProject(blueprint);
  io.output.write(`\n${formatPlan(plan)}\n\n`);
  return reading ? { blueprint, plan, reading } : { blueprint, plan };
}
