/** The command line: a thin adapter over the library pipeline (`main.ts` is the executable). */
import { Command, Option } from "commander";
import { BlueprintError } from "../blueprint/errors.js";
import { blueprintJsonSchema } from "../blueprint/json-schema.js";
import { type Blueprint, FRAMEWORKS } from "../blueprint/schema.js";
import { validateBlueprint } from "../blueprint/validate.js";
import { generateTree } from "../generate/index.js";
import { LlmError } from "../intake/llm/index.js";
import { WizardCancelled } from "../intake/wizard/index.js";
import { loadBlueprintFile } from "../intake/yaml/load.js";
import { formatPlan, planProject } from "../plan/plan.js";
import { assertWritable, TargetNotEmptyError, writeProject } from "../write/write.js";
import { checkInteractive, type InteractiveOptions, planInteractively, terminal } from "./interactive.js";
import { formatRequestReading, readRequest } from "./request.js";
import { UsageError } from "./usage-error.js";
import {
  CommandExit,
  checkNewSkip,
  collect,
  type NewOptions,
  registerVerifyCommand,
  verifyNewProject,
} from "./verify-command.js";

export { UsageError };

type NewCommandOptions = NewOptions & InteractiveOptions & { readonly interactive?: boolean };

interface Output {
  readonly json: boolean;
}

function print(options: Output, text: string, data: unknown): void {
  process.stdout.write(`${options.json ? JSON.stringify(data, null, 2) : text}\n`);
}

/** The Blueprint from either a request in words or a blueprint file, with the reading of the request. */
async function planFor(
  request: string | undefined,
  options: {
    readonly blueprint?: string;
    readonly framework?: Blueprint["framework"];
    readonly llm?: boolean;
  },
) {
  const blueprintPath = options.blueprint;
  if (request && blueprintPath) throw new UsageError("give either a request or --blueprint <file>, not both");
  if (!request && !blueprintPath) {
    throw new UsageError(
      'say what to build, e.g. "a FastAPI API for a blog", or give --blueprint <file.yaml>',
    );
  }
  const fromRequest = request ? await readRequest(request, { llm: options.llm }) : undefined;
  const read = fromRequest?.blueprint ?? (await loadBlueprintFile(blueprintPath ?? ""));
  const blueprint = options.framework ? withFramework(read, options.framework, blueprintPath) : read;
  return { blueprint, plan: planProject(blueprint), reading: fromRequest?.reading };
}

/** The blueprint for another framework, checked again: some rules depend on the framework. */
function withFramework(read: Blueprint, framework: Blueprint["framework"], file = "request"): Blueprint {
  const blueprint = { ...read, framework };
  const issues = validateBlueprint(blueprint);
  if (issues.length) {
    const origin = `${file} (with --framework ${framework})`;
    throw new BlueprintError(issues.map((issue) => ({ ...issue, file: origin })));
  }
  return blueprint;
}

function requireSupported(plan: ReturnType<typeof planProject>): void {
  if (plan.unsupported.length) {
    throw new UsageError(
      `cannot generate this project yet:\n${plan.unsupported.map((u) => `  - ${u}`).join("\n")}`,
    );
  }
}

/** `--llm` / `--no-llm`: without either, requests are read by the LLM exactly when one is configured. */
function llmOption(): Option {
  return new Option(
    "--llm",
    "read the request with the LLM set by PYTHON_SPECIALIST_LLM_* (default when set)",
  );
}

function noLlmOption(): Option {
  return new Option(
    "--no-llm",
    "read the request offline with the rule-based reader, even when an LLM is set",
  );
}

/** `--framework` overrides what the request or the blueprint chose. */
function frameworkOption(): Option {
  return new Option("--framework <name>", "target framework, overriding the request or blueprint").choices(
    FRAMEWORKS,
  );
}

export function buildProgram(): Command {
  const program = new Command()
    .name("python-specialist")
    .description("Design, generate and verify Python backend projects.")
    .option("--json", "machine-readable output")
    .option("--debug", "show stack traces of internal errors")
    .showHelpAfterError();

  program
    .command("new")
    .description("generate a project into a new directory, from a request in words or a blueprint")
    .argument("<dir>", "target directory (must be empty unless --force)")
    .argument("[request]", 'what to build, e.g. "A FastAPI REST API for e-commerce with JWT authentication"')
    .option("-b, --blueprint <file>", "blueprint YAML file")
    .addOption(frameworkOption())
    .option("--force", "write into a non-empty directory, replacing generated files")
    .option("--dry-run", "list the files that would be written, write nothing")
    .option("--verify", "verify the project right after generating it (see `verify --help`)")
    .option("--skip <steps>", "with --verify: steps not to run, comma-separated", collect)
    .option(
      "-i, --interactive",
      "answer a few questions (arrow keys, defaults preselected, from the request if one is given)",
    )
    .addOption(llmOption())
    .addOption(noLlmOption())
    .action(async (dir: string, request: string | undefined, options: NewCommandOptions) => {
      const out = program.opts<Output>();
      checkNewSkip(out.json, options);
      if (options.interactive) checkInteractive(options);
      let started = performance.now();
      if (!options.dryRun) await assertWritable(dir, { force: options.force });
      const io = options.interactive ? terminal(out.json) : undefined;
      const { blueprint, plan, reading } = io
        ? await planInteractively(dir, request, options, io)
        : await planFor(request, options);
      if (reading && !io && !out.json)
        process.stdout.write(`${formatRequestReading(reading, blueprint)}\n\n`);
      requireSupported(plan);
      if (io && !options.dryRun) {
        if (!(await io.confirm(`Write ${blueprint.name} into ${dir}?`))) {
          print(out, "Nothing written.", { dir, written: false });
          return;
        }
        // The time the questions took is the user's, not the generator's.
        started = performance.now();
      }
      const tree = generateTree(blueprint);
      const files = tree.files().map((f) => f.path);
      const ms = Math.round(performance.now() - started);
      if (options.dryRun) {
        print(
          out,
          [`Would write ${files.length} files into ${dir}:`, ...files.map((f) => `  ${f}`)].join("\n"),
          {
            dir,
            files,
            dryRun: true,
          },
        );
        return;
      }
      await writeProject(dir, tree, { force: options.force });
      const next = `cd ${dir} && uv sync && uv run pytest`;
      const done = `Generated ${blueprint.name} (${files.length} files, ${ms} ms) in ${dir}`;
      if (options.verify) return verifyNewProject(out.json, dir, { dir, files, ms }, done, options.skip);
      print(out, `Generated ${blueprint.name} (${files.length} files, ${ms} ms) in ${dir}\nNext: ${next}`, {
        dir,
        files,
        ms,
      });
    });

  program
    .command("plan")
    .description("print every decision about the project, with its reason")
    .argument("[request]", "what to build, in words")
    .option("-b, --blueprint <file>", "blueprint YAML file")
    .addOption(frameworkOption())
    .addOption(llmOption())
    .addOption(noLlmOption())
    .action(async (request: string | undefined, options: Parameters<typeof planFor>[1]) => {
      const { plan, reading, blueprint } = await planFor(request, options);
      const text = reading
        ? `${formatRequestReading(reading, blueprint)}\n\n${formatPlan(plan)}`
        : formatPlan(plan);
      print(program.opts<Output>(), text, reading ? { ...plan, reading, blueprint } : plan);
    });

  registerVerifyCommand(program);

  program
    .command("schema")
    .description("print the JSON Schema of blueprints (for editor completion)")
    .action(() => {
      process.stdout.write(`${JSON.stringify(blueprintJsonSchema(), null, 2)}\n`);
    });
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram().exitOverride();
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommandExit) return error.exitCode;
    return reportError(error, program.opts<{ debug?: boolean; json?: boolean }>());
  }
}

function reportError(error: unknown, options: { debug?: boolean; json?: boolean }): number {
  if (
    error instanceof Error &&
    "exitCode" in error &&
    "code" in error &&
    String(error.code).startsWith("commander.")
  ) {
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof WizardCancelled) {
    process.stderr.write(`${error.message}\n`);
    return 130;
  }
  const userError =
    error instanceof BlueprintError ||
    error instanceof UsageError ||
    error instanceof TargetNotEmptyError ||
    error instanceof LlmError;
  const message = error instanceof Error ? error.message : String(error);
  if (options.json) {
    process.stderr.write(
      `${JSON.stringify({ error: message, ...(error instanceof BlueprintError ? { issues: error.issues } : {}) })}\n`,
    );
  } else {
    process.stderr.write(
      `error: ${userError ? message : `internal error: ${message} (rerun with --debug for details)`}\n`,
    );
  }
  if (options.debug && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return userError ? 2 : 1;
}
