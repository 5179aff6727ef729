/**
 * `new <dir> --interactive`: a few questions with defaults preselected (from the request when one is
 * given), answered with the arrow keys, that build the same Blueprint the other intakes build.
 */
export {
  nameFromDir,
  parseAnswers,
  type RawAnswers,
  splitRoles,
  type WizardAnswers,
  type WizardContext,
  wizardBlueprint,
} from "./answers.js";
export { type Choice, QUESTIONS, type Question } from "./questions.js";
export { type Asker, askAll, runWizard } from "./run.js";
export { confirmOnTerminal, terminalAsker, terminalProblem, WizardCancelled } from "./terminal.js";
