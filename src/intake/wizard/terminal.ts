/**
 * The wizard on a terminal, with @inquirer/prompts (arrow keys, defaults preselected). Kept thin: the
 * questions and what their answers mean live in questions.ts and answers.ts.
 */
import type { Asker } from "./run.js";

/** The user left the wizard (Ctrl-C, or the terminal closed). */
export class WizardCancelled extends Error {
  constructor() {
    super("cancelled: nothing written");
    this.name = "WizardCancelled";
  }
}

/** Why the wizard cannot run on this input, or undefined when it can. */
export function terminalProblem(stdin: { isTTY?: boolean } = process.stdin): string | undefined {
  return stdin.isTTY
    ? undefined
    : '--interactive needs a terminal, but standard input is not one; give the request in words ("…") or --blueprint <file> instead';
}

type Prompts = typeof import("@inquirer/prompts");

/** Loaded on first use: the prompts library is a quarter of the CLI's start-up, and only the wizard needs it. */
function prompts(): Promise<Prompts> {
  return import("@inquirer/prompts");
}

async function cancellable<T>(prompt: (library: Prompts) => Promise<T>): Promise<T> {
  try {
    return await prompt(await prompts());
  } catch (error) {
    if (error instanceof Error && error.name === "ExitPromptError") throw new WizardCancelled();
    throw error;
  }
}

/** Prompts on `output` (stderr when stdout carries JSON). */
export function terminalAsker(output: NodeJS.WritableStream = process.stdout): Asker {
  const context = { output };
  return {
    select: (q) =>
      cancellable(({ select }) =>
        select(
          { message: q.message, choices: q.choices.map((c) => ({ ...c })), default: q.default, pageSize: 10 },
          context,
        ),
      ),
    input: (q) =>
      cancellable(({ input }) =>
        input(
          {
            message: q.message,
            required: true,
            validate: q.validate,
            ...(q.default ? { default: q.default } : {}),
          },
          context,
        ),
      ),
    checkbox: (q) =>
      cancellable(({ checkbox }) =>
        checkbox({ message: q.message, choices: q.choices.map((c) => ({ ...c })) }, context),
      ),
  };
}

export function confirmOnTerminal(
  message: string,
  output: NodeJS.WritableStream = process.stdout,
): Promise<boolean> {
  return cancellable(({ confirm }) => confirm({ message, default: true }, { output }));
}
