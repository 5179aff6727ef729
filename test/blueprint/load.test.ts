import { describe, expect, it } from "vitest";
import { BlueprintError } from "../../src/blueprint/errors.js";
import { loadBlueprintFile, parseBlueprintYaml } from "../../src/intake/yaml/load.js";

const FILE = "shop.yaml";

/** Parses `text` and returns the BlueprintError it must throw. */
function errorOf(text: string): BlueprintError {
  try {
    parseBlueprintYaml(text, FILE);
  } catch (error) {
    if (error instanceof BlueprintError) return error;
    throw error;
  }
  throw new Error("expected a BlueprintError");
}

/** The report line for `path`, which must exist exactly once. */
function lineFor(error: BlueprintError, path: string): string {
  const lines = error.message.split("\n").filter((line) => line.includes(` ${path}: `));
  expect(lines, error.message).toHaveLength(1);
  return lines[0] ?? "";
}

const minimal = (fields: string): string => `name: x\nentities:\n  - name: Product\n    fields:\n${fields}`;

describe("parseBlueprintYaml: valid input", () => {
  it("fills every default from a two-line blueprint", () => {
    const bp = parseBlueprintYaml("name: x\nentities: [{ name: Item, fields: [{ name: title }] }]\n", FILE);
    expect(bp).toEqual({
      name: "x",
      description: "",
      framework: "fastapi",
      database: "sqlite",
      python: "3.11",
      auth: { kind: "jwt", roles: ["admin", "user"], access_token_minutes: 15, refresh_token_days: 7 },
      entities: [
        {
          name: "Item",
          fields: [
            {
              name: "title",
              type: "string",
              required: true,
              unique: false,
              index: false,
              filter: false,
              sort: false,
            },
          ],
          relations: [],
          unique_together: [],
          indexes: [],
          checks: [],
          pagination: "offset",
          write: "admin",
        },
      ],
      features: {},
      deploy: { docker: true, ci: true },
    });
  });

  it("accepts a full realistic blueprint", async () => {
    const bp = await loadBlueprintFile("test/blueprint/fixtures/shop.yaml");
    expect(bp.entities.map((e) => e.name)).toEqual(["Category", "Product", "Tag", "Order", "OrderItem"]);
  });
});

describe("parseBlueprintYaml: shape errors", () => {
  it("reports an unknown key at the key, with did-you-mean and the allowed keys", () => {
    const error = errorOf("name: x\nentites:\n  - name: Item\n");
    expect(error.message).toContain(
      'shop.yaml:2:1 entites: unknown key "entites"; did you mean "entities"? (allowed: name, description,',
    );
    expect(error.issues).toContainEqual(
      expect.objectContaining({ file: FILE, line: 2, column: 1, path: ["entites"] }),
    );
    // The misspelt key also leaves `entities` missing, reported at the top-level mapping.
    expect(error.message).toContain('shop.yaml:1:1 entities: missing required key "entities"');
  });

  it("reports an unknown nested key with its full path", () => {
    const error = errorOf(minimal("      - { name: title, maxlength: 10 }\n"));
    expect(lineFor(error, "entities[0].fields[0].maxlength")).toContain(
      'shop.yaml:5:24 entities[0].fields[0].maxlength: unknown key "maxlength"; did you mean "max_length"?',
    );
  });

  it("reports an invalid enum value with did-you-mean and the allowed values", () => {
    const error = errorOf(minimal("      - name: title\n        type: strng\n"));
    expect(error.message).toBe(
      'shop.yaml:6:15 entities[0].fields[0].type: invalid value "strng"; did you mean "string"? ' +
        "(allowed: string, text, int, float, decimal, bool, date, datetime, email, url, enum, json)",
    );
  });

  it("tells to quote a version YAML read as a number", () => {
    const error = errorOf("name: x\npython: 3.12\nentities: [{ name: Item }]\n");
    expect(error.message).toBe(
      'shop.yaml:2:9 python: invalid value 3.12; put it in quotes: "3.12" (YAML reads it as a number)',
    );
  });

  it("reports a wrong type as expected versus received", () => {
    const error = errorOf(minimal("      - { name: stock, type: int, min: zero }\n"));
    expect(error.message).toBe(
      'shop.yaml:5:40 entities[0].fields[0].min: expected a number, got the string "zero"',
    );
  });

  it("points an empty value at its key", () => {
    const error = errorOf("name: x\nentities:\n  - name: Item\n    fields:\n");
    expect(error.message).toBe(
      "shop.yaml:4:5 entities[0].fields: expected a list, got an empty value; give a value, or remove the key to use the default",
    );
  });

  it("reports a missing required key at the enclosing mapping, with its description", () => {
    const error = errorOf(minimal("      - type: int\n"));
    expect(error.message).toBe(
      'shop.yaml:5:9 entities[0].fields[0].name: missing required key "name"; add `name:` — Column and attribute name (snake_case).',
    );
  });

  it("suggests the snake_case spelling of a name", () => {
    const error = errorOf("name: My Shop\nentities: [{ name: Item }]\n");
    expect(error.message).toContain('shop.yaml:1:7 name: invalid value "My Shop"; use snake_case');
    expect(error.message).toContain('did you mean "my_shop"?');
  });

  it("reports a custom schema message (at least one entity)", () => {
    expect(errorOf("name: x\nentities: []\n").message).toBe(
      "shop.yaml:2:11 entities: declare at least one entity",
    );
  });

  it("adds the offending number to a size message", () => {
    expect(errorOf("name: x\nauth: { access_token_minutes: 0 }\nentities: [{ name: Item }]\n").message).toBe(
      "shop.yaml:2:31 auth.access_token_minutes: Too small: expected number to be >0 (got the number 0)",
    );
  });

  it("rejects a document that is not a mapping", () => {
    expect(errorOf("").message).toContain(
      "shop.yaml:1:1: a blueprint must be a YAML mapping, got an empty value",
    );
    expect(errorOf("- a\n- b\n").message).toContain(
      "shop.yaml:1:1: a blueprint must be a YAML mapping, got a list",
    );
  });
});

describe("parseBlueprintYaml: YAML syntax errors", () => {
  it("reports the line and column of the syntax error", () => {
    const error = errorOf("name: x\nentities: [\n  - name: Item\n");
    expect(error.issues[0]).toMatchObject({ file: FILE, line: 3, column: 3, path: [] });
    expect(error.message).toMatch(/^shop\.yaml:3:3: YAML syntax error: /);
  });

  it("reports a duplicate key with a hint", () => {
    const error = errorOf("name: x\nname: y\nentities: [{ name: Item }]\n");
    expect(error.message).toBe(
      "shop.yaml:2:1: YAML syntax error: Map keys must be unique; each key may appear once in a mapping; remove or rename one",
    );
  });

  it("reports tabs used for indentation", () => {
    const error = errorOf("name: x\nentities:\n\t- name: Item\n");
    expect(error.issues[0]).toMatchObject({ line: 3, column: 1 });
    expect(error.message).toContain("YAML syntax error");
  });
});

describe("parseBlueprintYaml: semantic errors are located in the file", () => {
  it("relation to a missing entity, with did-you-mean", () => {
    const error = errorOf(
      "name: x\nentities:\n  - name: Category\n  - name: Product\n    relations:\n      - { name: category, to: Categroy }\n",
    );
    expect(error.message).toBe(
      'shop.yaml:6:31 entities[1].relations[0].to: unknown entity "Categroy"; did you mean "Category"? (entities: Category, Product)',
    );
  });

  it("reserved Python name", () => {
    const error = errorOf(minimal("      - name: class\n        type: string\n"));
    expect(error.message).toBe(
      'shop.yaml:5:15 entities[0].fields[0].name: "class" is reserved: a Python keyword; rename it, e.g. "product_class"',
    );
  });

  it("reserved Python builtin", () => {
    const error = errorOf(minimal("      - { name: type }\n"));
    expect(error.message).toBe(
      'shop.yaml:5:17 entities[0].fields[0].name: "type" is reserved: a Python soft keyword, and a Python builtin the generated code would shadow; rename it, e.g. "product_type"',
    );
  });

  it("reserved SQL name", () => {
    const error = errorOf(minimal("      - { name: order, type: int }\n"));
    expect(error.message).toBe(
      'shop.yaml:5:17 entities[0].fields[0].name: "order" is reserved: an SQL reserved word; rename it, e.g. "product_order"',
    );
  });

  it("name the generator adds", () => {
    const error = errorOf(minimal("      - { name: id, type: int }\n"));
    expect(error.message).toBe(
      'shop.yaml:5:17 entities[0].fields[0].name: "id" is reserved: every model gets an integer `id` primary key; remove this field',
    );
  });

  it("duplicate field", () => {
    const error = errorOf(minimal("      - { name: title }\n      - { name: title, type: text }\n"));
    expect(error.message).toBe(
      'shop.yaml:6:17 entities[0].fields[1].name: duplicate name "title": already used by fields[0]; give each field and relation its own name',
    );
  });

  it("pattern without example", () => {
    const error = errorOf(minimal('      - { name: sku, pattern: "^[A-Z]+$" }\n'));
    expect(error.message).toBe(
      "shop.yaml:5:31 entities[0].fields[0].pattern: a field with `pattern` needs an `example` that matches it; add `example:` with a value matching /^[A-Z]+$/",
    );
  });

  it("a default that does not fit the type points at the default", () => {
    const error = errorOf(minimal("      - name: stock\n        type: int\n        default: 1.5\n"));
    expect(error.message).toBe(
      "shop.yaml:7:18 entities[0].fields[0].default: default 1.5 does not fit type int; use an integer",
    );
  });

  it("a defaulted value (derived plural) points at the entity", () => {
    const error = errorOf("name: x\nentities:\n  - name: Box\n  - name: Boxe\n    plural: boxes\n");
    expect(error.message).toBe(
      'shop.yaml:5:13 entities[1].plural: plural "boxes" is already used by entities[0]; set a distinct `plural` on one of them',
    );
    const derived = errorOf("name: x\nentities:\n  - name: Box\n    plural: boxes\n  - name: Boxe\n");
    expect(derived.message).toBe(
      'shop.yaml:5:5 entities[1].plural: the plural "boxes" (derived from Boxe) is already used by entities[0]; set a distinct `plural` on one of them',
    );
  });

  it("features are not supported yet", () => {
    const error = errorOf("name: x\nentities: [{ name: Item }]\nfeatures:\n  caching: { backend: redis }\n");
    expect(error.message).toBe(
      'shop.yaml:4:12 features.caching: feature "caching" is not supported yet; remove it from `features`',
    );
  });
});

describe("loadBlueprintFile", () => {
  it("reports every problem of a file at once, sorted by line", async () => {
    const error = await loadBlueprintFile("test/blueprint/fixtures/broken.yaml").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BlueprintError);
    const lines = (error as BlueprintError).message.split("\n");
    expect(lines).toEqual([
      'test/blueprint/fixtures/broken.yaml:2:1 framwork: unknown key "framwork"; did you mean "framework"? (allowed: name, description, framework, database, python, auth, entities, features, deploy)',
      'test/blueprint/fixtures/broken.yaml:6:30 entities[0].fields[0].type: invalid value "strng"; did you mean "string"? (allowed: string, text, int, float, decimal, bool, date, datetime, email, url, enum, json)',
    ]);
  });

  it("reports a missing file without a stack trace", async () => {
    const error = await loadBlueprintFile("test/blueprint/fixtures/nope.yaml").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BlueprintError);
    expect((error as BlueprintError).message).toBe(
      "test/blueprint/fixtures/nope.yaml: file not found; check the path (a relative path starts from the current directory)",
    );
  });
});
