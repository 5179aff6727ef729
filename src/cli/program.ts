/** The command line: a thin adapter over the library pipeline (`main.ts` is the executable). */
import { Command, Option } from "commander";
import { BlueprintError } from "../blueprint/errors.js";
import { blueprintJsonSchema } from "../blueprint/json-schema.js";
import { type Blueprint, FRAMEWORKS } from "../blueprint/schema.js";
import { generateTree } from "../generate/index.js";
import { formatReading, parseRequest, type RequestReading, readingBlueprint } from "../intake/nl/index.js";
import { loadBlueprintFile } from "../intake/yaml/load.js";
import { formatPlan, planProject } from "../plan/plan.js";
import { assertWritable, TargetNotEmptyError, writeProject } from "../write/write.js";
import { CommandExit, type NewOptions, registerVerifyCommand, verifyNewProject } from "./verify-command.js";

/** A failure the user can fix: printed as one message, exit code 2. */
export class UsageError extends Error {}

interface Output {
  readonly json: boolean;
}

function print(options: Output, text: string, data: unknown): void {
  process.stdout.write(`${options.json ? JSON.stringify(data, null, 2) : text}\n`);
}

/** The Blueprint from either a request in words or a blueprint file, with the reading of the request. */
async function planFor(
  request: string | undefined,
  options: { readonly blueprint?: string; readonly framework?: Blueprint["framework"] },
) {
  const blueprintPath = options.blueprint;
  if (request && blueprintPath) throw new UsageError("give either a request or --blueprint <file>, not both");
  if (!request && !blueprintPath) {
    throw new UsageError(
      'say what to build, e.g. "a FastAPI API for a blog", or give --blueprint <file.yaml>',
    );
  }
  const reading = request ? parseRequest(request) : undefined;
  const read = reading ? blueprintFromReading(reading) : await loadBlueprintFile(blueprintPath ?? "");
  const blueprint = options.framework ? { ...read, framework: options.framework } : read;
  return { blueprint, plan: planProject(blueprint), reading };
}

function blueprintFromReading(reading: RequestReading): Blueprint {
  if (reading.unsupported.length) {
    throw new UsageError(
      `${formatReading(reading)}\n\ncannot generate this project yet: it asks for what is not built yet`,
    );
  }
  return readingBlueprint(reading);
}

function requireSupported(plan: ReturnType<typeof planProject>): void {
  if (plan.unsupported.length) {
    throw new UsageError(
      `cannot generate this project yet:\n${plan.unsupported.map((u) => `  - ${u}`).join("\n")}`,
    );
  }
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
    .action(async (dir: string, request: string | undefined, options: NewOptions) => {
      const out = program.opts<Output>();
      const started = performance.now();
      if (!options.dryRun) await assertWritable(dir, { force: options.force });
      const { blueprint, plan, reading } = await planFor(request, options);
      if (reading && !out.json) process.stdout.write(`${formatReading(reading)}\n\n`);
      requireSupported(plan);
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
      if (options.verify) return verifyNewProject(out.json, dir, { dir, files, ms }, done);
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
    .action(async (request: string | undefined, options: Parameters<typeof planFor>[1]) => {
      const { plan, reading, blueprint } = await planFor(request, options);
      const text = reading ? `${formatReading(reading)}\n\n${formatPlan(plan)}` : formatPlan(plan);
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
  const userError =
    error instanceof BlueprintError || error instanceof UsageError || error instanceof TargetNotEmptyError;
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
