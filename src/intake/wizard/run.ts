/**
 * Asking the questions in order through an Asker — the terminal's prompts in the CLI, a script in tests —
 * and turning the answers into a Blueprint.
 */
import type { Blueprint } from "../../blueprint/schema.js";
import {
  parseAnswers,
  type RawAnswers,
  type WizardAnswers,
  type WizardContext,
  wizardBlueprint,
} from "./answers.js";
import { type Choice, QUESTIONS, type Question } from "./questions.js";

/** How a question reaches the user. Each call resolves to the chosen value(s). */
export interface Asker {
  select(question: { message: string; choices: readonly Choice[]; default: string }): Promise<string>;
  input(question: {
    message: string;
    default: string | undefined;
    validate: (value: string) => true | string;
  }): Promise<string>;
  checkbox(question: {
    message: string;
    choices: readonly (Choice & { checked: boolean })[];
  }): Promise<string[]>;
}

function ask(asker: Asker, question: Question, context: WizardContext, answers: RawAnswers) {
  switch (question.kind) {
    case "select":
      return asker.select({
        message: question.message,
        choices: question.choices(context, answers),
        default: question.default(context, answers),
      });
    case "input":
      return asker.input({
        message: question.message,
        default: question.default(context, answers),
        validate: (value) => question.validate(value, context, answers),
      });
    case "checkbox":
      return asker.checkbox({ message: question.message, choices: question.choices(context, answers) });
  }
}

export async function askAll(asker: Asker, context: WizardContext): Promise<WizardAnswers> {
  const answers: RawAnswers = {};
  for (const question of QUESTIONS) {
    if (question.when && !question.when(answers, context)) continue;
    answers[question.id] = await ask(asker, question, context, answers);
  }
  return parseAnswers(answers);
}

/** The whole wizard: questions, then the Blueprint its answers describe. */
export async function runWizard(asker: Asker, context: WizardContext): Promise<Blueprint> {
  return wizardBlueprint(await askAll(asker, context), context);
}
