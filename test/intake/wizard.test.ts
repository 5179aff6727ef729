/**
 * The --interactive wizard without a terminal: the questions as data, the pure answers → Blueprint function,
 * the whole flow through a scripted Asker, and the CLI refusing --interactive when stdin is not a TTY.
 */
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BlueprintError } from "../../src/blueprint/errors.js";
import { type Blueprint, blueprintSchema, FRAMEWORKS } from "../../src/blueprint/schema.js";
import { checkInteractive, planInteractively, type Terminal } from "../../src/cli/interactive.js";
import { main } from "../../src/cli/program.js";
import { lintTree } from "../../src/format/ruff.js";
import { generateTree } from "../../src/generate/index.js";
import { DOMAINS, parseRequest, readingBlueprint } from "../../src/intake/nl/index.js";
import {
  type Asker,
  askAll,
  type Choice,
  nameFromDir,
  parseAnswers,
  QUESTIONS,
  type Question,
  runWizard,
  splitRoles,
  type WizardContext,
  wizardBlueprint,
} from "../../src/intake/wizard/index.js";

/** Answers like a user on a terminal: the scripted value where there is one, else Enter (the default). */
function scripted(answers: Record<string, string | string[]> = {}): Asker & { asked: string[] } {
  const asked: string[] = [];
  const idOf = (message: string): string => QUESTIONS.find((q) => q.message === message)?.id ?? message;
  const pick = <T>(message: string, fallback: T): T => {
    const id = idOf(message);
    asked.push(id);
    return (answers[id] as T | undefined) ?? fallback;
  };
  return {
    asked,
    select: async (q) => {
      const value = pick(q.message, q.default);
      if (!q.choices.some((c) => c.value === value))
        throw new Error(`"${value}" is not offered for ${q.message}`);
      return value;
    },
    input: async (q) => {
      const value = pick(q.message, q.default ?? "");
      const valid = q.validate(value);
      if (valid !== true) throw new Error(`${q.message}: ${valid}`);
      return value;
    },
    checkbox: async (q) =>
      pick(
        q.message,
        q.choices.filter((c) => c.checked).map((c) => c.value),
      ),
  };
}

function question(id: string): Question {
  const found = QUESTIONS.find((q) => q.id === id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
}

function choices(id: string, context: WizardContext, answers = {}): readonly Choice[] {
  const q = question(id);
  return q.kind === "input" ? [] : q.choices(context, answers);
}

function validate(id: string, value: string, context: WizardContext = { dir: "shop" }): true | string {
  const q = question(id);
  if (q.kind !== "input") throw new Error(`${id} is not an input`);
  return q.validate(value, context, {});
}

const README_SENTENCE = "Create a FastAPI REST API for e-commerce with JWT authentication";

describe("questions", () => {
  it("ask what a specialist asks, in order", () => {
    expect(QUESTIONS.map((q) => q.id)).toEqual([
      "what",
      "nouns",
      "name",
      "framework",
      "database",
      "auth",
      "roles",
      "deploy",
    ]);
  });

  it("offer only what the Blueprint schema accepts", () => {
    const context = { dir: "shop" };
    expect(choices("framework", context).map((c) => c.value)).toEqual([...FRAMEWORKS]);
    expect(choices("database", context).map((c) => c.value)).toEqual(
      blueprintSchema.shape.database.unwrap().options,
    );
    expect(choices("auth", context).map((c) => c.value)).toEqual(["jwt", "none"]);
    expect(choices("deploy", context).map((c) => c.value)).toEqual(["docker", "ci"]);
  });

  it("offer every catalog domain, something else, and the request's entities when there is one", () => {
    const plain = choices("what", { dir: "x" }).map((c) => c.value);
    expect(plain).toEqual([...DOMAINS.map((d) => `catalog:${d.id}`), "nouns"]);
    const request = readingBlueprint(parseRequest("a blog"));
    const withRequest = choices("what", { dir: "x", request });
    expect(withRequest[0]).toMatchObject({ value: "request", description: "Tag, Post, Comment" });
  });

  it("check names and roles as the schema does, with a message that says how", () => {
    expect(validate("name", "shop")).toBe(true);
    expect(validate("name", "My Shop")).toMatch(/snake_case/);
    expect(validate("roles", "admin, editor viewer")).toBe(true);
    expect(validate("roles", "admin")).toMatch(/at least one other/);
    expect(validate("roles", "admin, 2nd_line")).toMatch(/"2nd_line": use snake_case/);
    expect(validate("roles", "admin, user, admin")).toMatch(/listed twice/);
  });

  it("ask for nouns again when none is recognised, or when they ask for what is not built", () => {
    expect(validate("nouns", "books, authors and loans")).toBe(true);
    expect(validate("nouns", "stuff")).toMatch(/no entities found in "stuff"/);
    expect(validate("nouns", "")).toMatch(/name the things it stores/);
    expect(validate("nouns", "cats with redis caching")).toMatch(/not supported yet: .*caching/i);
  });
});

describe("defaults", () => {
  it("take the project name from the directory when it makes a valid package name", () => {
    expect(nameFromDir("./my-shop")).toBe("my_shop");
    expect(nameFromDir("/tmp/Pet Clinic")).toBe("pet_clinic");
    expect(nameFromDir("/tmp/2024")).toBeUndefined();
  });

  it("without a request: the first catalog domain, named after the directory, everything on", async () => {
    const asker = scripted();
    const bp = await runWizard(asker, { dir: "/tmp/store" });
    expect(asker.asked).toEqual(["what", "name", "framework", "database", "auth", "roles", "deploy"]);
    expect(bp).toMatchObject({
      name: "store",
      framework: "fastapi",
      database: "sqlite",
      auth: { kind: "jwt", roles: ["admin", "customer"] },
      deploy: { docker: true, ci: true },
    });
    expect(bp.entities.map((e) => e.name)).toEqual(DOMAINS[0]?.entities.map((e) => e.name));
  });

  it.each([
    README_SENTENCE,
    "A Flask API for a library with books, authors and loans on PostgreSQL, no docker",
    "a todo app without authentication",
    "Django REST API for a helpdesk with roles agent, customer and admin",
  ])("with a request, pressing Enter throughout gives the request's own Blueprint: %s", async (sentence) => {
    const request = readingBlueprint(parseRequest(sentence));
    const bp = await runWizard(scripted(), { dir: "/tmp/elsewhere", request });
    expect(bp).toEqual(request);
  });

  it("prefer --framework over the request's framework", async () => {
    const request = readingBlueprint(parseRequest(README_SENTENCE));
    const bp = await runWizard(scripted(), { dir: "shop", request, framework: "django" });
    expect(bp.framework).toBe("django");
  });
});

describe("answers → Blueprint", () => {
  const base = {
    what: "catalog:blog",
    name: "journal",
    framework: "fastapi",
    database: "postgresql",
    auth: "jwt",
    roles: "editor, reader",
    deploy: ["ci"],
  };

  it("builds the chosen domain with the chosen settings", () => {
    const bp = wizardBlueprint(parseAnswers(base), { dir: "x" });
    expect(bp).toMatchObject({
      name: "journal",
      database: "postgresql",
      auth: { kind: "jwt", roles: ["editor", "reader"] },
      deploy: { docker: false, ci: true },
    });
    expect(bp.entities.map((e) => e.name)).toEqual(["Tag", "Post", "Comment"]);
    expect(bp.entities.some((e) => e.owned_by === "user")).toBe(true);
  });

  it("without auth, rows have no owner and no access rules", () => {
    const bp = wizardBlueprint(parseAnswers({ ...base, auth: "none", roles: undefined }), { dir: "x" });
    expect(bp.auth.kind).toBe("none");
    for (const entity of bp.entities) {
      expect(entity.owned_by).toBeUndefined();
      expect(entity.read).toBeUndefined();
    }
  });

  it("reads typed nouns with the sentence reader: guessed fields and stated relations", () => {
    const bp = wizardBlueprint(
      parseAnswers({ ...base, what: "nouns", nouns: "books, authors and loans. Each loan has a book" }),
      { dir: "x" },
    );
    expect(bp.entities.map((e) => e.name)).toEqual(["Book", "Author", "Loan"]);
    expect(bp.entities.find((e) => e.name === "Loan")?.relations.map((r) => r.to)).toEqual(["Book"]);
    expect(bp.description).toBe("An API to manage books, authors and loans. Each loan has a book");
  });

  it("keeps what it does not ask from the request (token lifetimes, Python), and drops ownership without auth", async () => {
    const request = readingBlueprint(
      parseRequest("an e-commerce API on Python 3.12 with access tokens that expire after 30 minutes"),
    );
    const kept = await runWizard(scripted({ database: "postgresql" }), { dir: "x", request });
    expect(kept.python).toBe("3.12");
    expect(kept.auth).toMatchObject({ kind: "jwt", access_token_minutes: 30 });
    const open = await runWizard(scripted({ auth: "none" }), { dir: "x", request });
    expect(open.entities.every((e) => e.owned_by === undefined)).toBe(true);
  });

  it("never drops features the request asked for: they are named as not supported", () => {
    const request = { ...readingBlueprint(parseRequest("a blog")), features: { caching: {} } };
    const answers = parseAnswers({ ...base, what: "request" });
    expect(() => wizardBlueprint(answers, { dir: "x", request })).toThrow(
      /feature "caching" is not supported yet/,
    );
  });

  it("rejects answers the questions never offer, naming the question", () => {
    expect(() => parseAnswers({ ...base, framework: "rails" })).toThrow(BlueprintError);
    expect(() => parseAnswers({ ...base, framework: "rails" })).toThrow(/framework/);
    expect(() => parseAnswers({ ...base, what: "catalog:nope" })).toThrow(/what/);
  });

  it("reports a Blueprint the answers make invalid, naming the place", () => {
    expect(() => wizardBlueprint(parseAnswers({ ...base, name: "Journal" }), { dir: "x" })).toThrow(
      /wizard name: .*snake_case/,
    );
  });

  it("splits roles on commas and spaces", () => {
    expect(splitRoles(" Admin, editor  viewer;guest ")).toEqual(["admin", "editor", "viewer", "guest"]);
  });

  it("makes projects whose generated code lints clean", async () => {
    const answers = await askAll(scripted({ what: "nouns", nouns: "recipes and ingredients" }), {
      dir: "/tmp/kitchen",
    });
    const bp: Blueprint = wizardBlueprint(answers, { dir: "/tmp/kitchen" });
    const problems = lintTree(generateTree(bp), { pythonVersion: bp.python, firstParty: [bp.name, "tests"] });
    expect(problems.map((p) => `${p.path} ${p.diagnostic.code} ${p.diagnostic.message}`)).toEqual([]);
  });
});

describe("the interactive flow without a terminal", () => {
  function fakeTerminal(asker: Asker): Terminal & { text: () => string } {
    let text = "";
    return {
      asker,
      confirm: async () => true,
      output: {
        write: (chunk: string) => {
          text += chunk;
          return true;
        },
      } as NodeJS.WritableStream,
      text: () => text,
    };
  }

  it("shows the reading of the request, asks, and shows the plan", async () => {
    const io = fakeTerminal(scripted({ database: "postgresql" }));
    const { blueprint, plan, reading } = await planInteractively(
      "/tmp/shop",
      README_SENTENCE,
      { llm: false },
      io,
    );
    expect(reading?.source).toBe("rules");
    expect(blueprint.database).toBe("postgresql");
    expect(plan.unsupported).toEqual([]);
    expect(io.text()).toContain("Understood:");
    expect(io.text()).toContain("Plan for shop");
  });

  it("refuses --blueprint with --interactive, and a standard input that is not a terminal", () => {
    expect(() => checkInteractive({}, { isTTY: true })).not.toThrow();
    expect(() => checkInteractive({ blueprint: "x.yaml" }, { isTTY: true })).toThrow(/not both/);
    expect(() => checkInteractive({}, { isTTY: false })).toThrow(/needs a terminal/);
  });
});

describe("new --interactive when stdin is not a terminal", () => {
  const original = Object.getOwnPropertyDescriptor(process.stdin, "isTTY");
  afterEach(() => {
    vi.restoreAllMocks();
    if (original) Object.defineProperty(process.stdin, "isTTY", original);
    else Reflect.deleteProperty(process.stdin, "isTTY");
  });

  it("fails with exit 2 and a clear message, writing nothing", async () => {
    // Whatever runs the tests, the CLI must see a pipe.
    Object.defineProperty(process.stdin, "isTTY", { value: false, configurable: true });
    let stderr = "";
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
    const dir = mkdtempSync(join(tmpdir(), "ps-wizard-"));

    const code = await main(["new", join(dir, "shop"), "--interactive"]);

    vi.restoreAllMocks();
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: --interactive needs a terminal, but standard input is not one/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
