import { describe, expect, it } from "vitest";
import { type BlueprintInput, blueprintSchema } from "../../src/blueprint/schema.js";
import { type SemanticIssue, validateBlueprint } from "../../src/blueprint/validate.js";

type EntityInput = BlueprintInput["entities"][number];

function issuesOf(entities: EntityInput[], extra: Partial<BlueprintInput> = {}): SemanticIssue[] {
  return validateBlueprint(blueprintSchema.parse({ name: "shop", ...extra, entities }));
}

/** The single issue reported at `path`. */
function issueAt(issues: SemanticIssue[], path: (string | number)[]): SemanticIssue {
  const found = issues.filter((issue) => JSON.stringify(issue.path) === JSON.stringify(path));
  expect(found, JSON.stringify(issues, null, 2)).toHaveLength(1);
  return found[0] as SemanticIssue;
}

const product = (fields: NonNullable<EntityInput["fields"]>): EntityInput => ({ name: "Product", fields });

describe("validateBlueprint", () => {
  it("accepts a clean blueprint", () => {
    expect(issuesOf([product([{ name: "title" }])])).toEqual([]);
  });

  describe("names", () => {
    it("duplicate entity names", () => {
      const issue = issueAt(issuesOf([{ name: "Tag" }, { name: "Tag" }]), ["entities", 1, "name"]);
      expect(issue.message).toBe('duplicate entity "Tag": already declared at entities[0]');
    });

    it("duplicate plurals, explicit or derived", () => {
      const issues = issuesOf([{ name: "Category" }, { name: "Kategory", plural: "categories" }]);
      expect(issueAt(issues, ["entities", 1, "plural"]).message).toBe(
        'plural "categories" is already used by entities[0]',
      );
    });

    it("reserves User only when the generator builds it", () => {
      const issue = issueAt(issuesOf([{ name: "User" }]), ["entities", 0, "name"]);
      expect(issue.hint).toContain("owned_by: user");
      expect(issuesOf([{ name: "User" }], { auth: { kind: "none" } })).toEqual([]);
    });

    it("reserves names the generated code imports, and names that become keywords", () => {
      expect(issueAt(issuesOf([{ name: "Settings" }]), ["entities", 0, "name"]).hint).toBe(
        'rename it, e.g. "ShopSettings"',
      );
      expect(issueAt(issuesOf([{ name: "Decimal" }]), ["entities", 0, "name"]).message).toContain(
        "decimal.Decimal",
      );
      expect(
        issueAt(issuesOf([{ name: "Class", plural: "klasses" }]), ["entities", 0, "name"]).message,
      ).toContain("which is a keyword");
    });

    it("reserved plurals", () => {
      expect(
        issueAt(issuesOf([{ name: "Health", plural: "health" }]), ["entities", 0, "plural"]).message,
      ).toContain("already has a module");
      expect(
        issueAt(issuesOf([{ name: "Member", plural: "users" }]), ["entities", 0, "plural"]).message,
      ).toContain("built-in user model");
      expect(
        issueAt(issuesOf([{ name: "Lis", plural: "list" }]), ["entities", 0, "plural"]).message,
      ).toContain("Python builtin");
    });

    it("a many-to-one also takes the name of its column", () => {
      const issues = issuesOf([
        { name: "Customer" },
        {
          name: "Order",
          fields: [{ name: "customer_id", type: "int" }],
          relations: [{ name: "customer", to: "Customer" }],
        },
      ]);
      expect(issueAt(issues, ["entities", 1, "relations", 0, "name"]).message).toBe(
        'relation "customer" needs the column "customer_id", already used by fields[0]',
      );
    });

    it("fields and relations share one namespace", () => {
      const issues = issuesOf([
        { name: "Tag" },
        {
          name: "Post",
          fields: [{ name: "tags" }],
          relations: [{ name: "tags", to: "Tag", kind: "many-to-many" }],
        },
      ]);
      expect(issueAt(issues, ["entities", 1, "relations", 0, "name"]).message).toBe(
        'duplicate name "tags": already used by fields[0]',
      );
    });

    it("relation names are checked against Python, not SQL", () => {
      const issues = issuesOf([
        { name: "Order", plural: "orders" },
        {
          name: "Line",
          relations: [
            { name: "order", to: "Order" },
            { name: "from", to: "Order", required: false },
          ],
        },
      ]);
      expect(issues).toHaveLength(1);
      expect(issueAt(issues, ["entities", 1, "relations", 1, "name"]).message).toBe(
        '"from" is reserved: a Python keyword',
      );
    });

    it("framework-specific model attributes", () => {
      const issues = issuesOf([product([{ name: "query" }])], { framework: "flask" });
      expect(issueAt(issues, ["entities", 0, "fields", 0, "name"]).message).toContain(
        "flask models already have",
      );
      expect(issuesOf([product([{ name: "query" }])])).toEqual([]);
    });

    it("duplicate roles", () => {
      const issues = issuesOf([{ name: "Tag" }], { auth: { roles: ["admin", "user", "admin"] } });
      expect(issueAt(issues, ["auth", "roles", 2]).message).toBe('duplicate role "admin"');
    });
  });

  describe("fields", () => {
    const at = (field: NonNullable<EntityInput["fields"]>[number], key: string): SemanticIssue =>
      issueAt(issuesOf([product([field])]), ["entities", 0, "fields", 0, key]);

    it("choices only and always for enums", () => {
      expect(at({ name: "status", type: "enum" }, "choices").message).toBe("an enum field needs `choices`");
      expect(at({ name: "status", choices: ["a"] }, "choices").message).toBe(
        '"choices" applies only to enum fields, not string',
      );
    });

    it("string options on other types, number options on strings", () => {
      expect(at({ name: "n", type: "int", max_length: 3 }, "max_length").hint).toBe(
        "use `min`/`max` to bound a number",
      );
      expect(at({ name: "n", type: "bool", pattern: "x" }, "pattern").message).toContain("not bool");
      expect(at({ name: "s", min: 1 }, "min").hint).toBe("use `min_length` to bound a string's length");
    });

    it("bounds in order", () => {
      expect(at({ name: "n", type: "int", min: 5, max: 1 }, "max").message).toBe(
        "max (1) is smaller than min (5)",
      );
      expect(at({ name: "s", min_length: 5, max_length: 1 }, "max_length").message).toBe(
        "max_length (1) is smaller than min_length (5)",
      );
      expect(at({ name: "n", type: "int", min: 0.5 }, "min").message).toContain("whole number");
    });

    it("pattern needs a matching example and must compile", () => {
      expect(at({ name: "sku", pattern: "^[A-Z]+$", example: "abc" }, "example").message).toBe(
        'example "abc" does not match pattern /^[A-Z]+$/',
      );
      expect(at({ name: "sku", pattern: "([", example: "x" }, "pattern").message).toContain(
        "invalid regular expression",
      );
    });

    it("default and example fit the type", () => {
      expect(at({ name: "s", type: "enum", choices: ["a", "b"], default: "c" }, "default").hint).toBe(
        "use one of: a, b",
      );
      expect(at({ name: "d", type: "date", default: "2024-02-30" }, "default").hint).toBe(
        "use a date like 2024-01-31",
      );
      expect(at({ name: "d", type: "datetime", example: "yesterday" }, "example").message).toContain(
        "does not fit",
      );
      expect(at({ name: "e", type: "email", example: "nobody" }, "example").message).toContain(
        "does not fit type email",
      );
      expect(at({ name: "b", type: "bool", default: "yes" }, "default").hint).toBe("use true or false");
      expect(at({ name: "s", default: 3 }, "default").hint).toBe("use a string (quote it)");
      expect(issuesOf([product([{ name: "d", type: "datetime", example: "2024-01-31T12:00:00Z" }])])).toEqual(
        [],
      );
    });

    it("default and example fit the constraints", () => {
      expect(at({ name: "n", type: "int", min: 1, default: 0 }, "default").message).toBe(
        "default 0 is below min (1)",
      );
      expect(at({ name: "s", max_length: 2, example: "abc" }, "example").message).toBe(
        'example "abc" is longer than max_length (2)',
      );
    });

    it("json and text fields cannot be filtered, sorted, unique or indexed", () => {
      expect(at({ name: "j", type: "json", sort: true }, "sort").message).toBe(
        "sort is not supported on json fields",
      );
      expect(at({ name: "t", type: "text", unique: true }, "unique").message).toBe(
        "unique is not supported on text fields",
      );
    });
  });

  describe("relations", () => {
    it("to a missing entity, with did-you-mean", () => {
      const issues = issuesOf([
        { name: "Category" },
        { name: "Product", relations: [{ name: "category", to: "Categories" }] },
      ]);
      expect(issueAt(issues, ["entities", 1, "relations", 0, "to"]).hint).toBe(
        'did you mean "Category"? (entities: Category, Product)',
      );
    });

    it("to the built-in User", () => {
      const issues = issuesOf([{ name: "Post", relations: [{ name: "author", to: "User" }] }]);
      expect(issueAt(issues, ["entities", 0, "relations", 0, "to"]).hint).toContain("owned_by: user");
    });

    it("options that belong to other kinds", () => {
      const issues = issuesOf([
        { name: "Tag" },
        {
          name: "Post",
          relations: [
            { name: "tags", to: "Tag", kind: "many-to-many", on_delete: "cascade" },
            { name: "first_tag", to: "Tag", back: "post" },
            { name: "labels", to: "Tag", kind: "one-to-many", required: false, back: "post" },
          ],
        },
      ]);
      expect(issueAt(issues, ["entities", 1, "relations", 0, "on_delete"]).message).toContain(
        "only to many-to-one",
      );
      expect(issueAt(issues, ["entities", 1, "relations", 1, "back"]).message).toContain(
        "only to one-to-many",
      );
      expect(issueAt(issues, ["entities", 1, "relations", 2, "required"]).message).toContain(
        "only to many-to-one",
      );
    });

    it("set-null on a required link", () => {
      const issues = issuesOf([
        { name: "Tag" },
        { name: "Post", relations: [{ name: "tag", to: "Tag", on_delete: "set-null" }] },
      ]);
      expect(issueAt(issues, ["entities", 1, "relations", 0, "on_delete"]).hint).toContain("required: false");
    });

    it("a one-to-many whose back link points elsewhere", () => {
      const issues = issuesOf([
        { name: "Order", relations: [{ name: "items", to: "Item", kind: "one-to-many" }] },
        { name: "Cart" },
        { name: "Item", relations: [{ name: "order", to: "Cart" }] },
      ]);
      expect(issueAt(issues, ["entities", 0, "relations", 0]).message).toBe(
        "Item.order should be a many-to-one to Order to mirror this relation, but it is a many-to-one to Cart",
      );
    });

    it("self-references need an optional link", () => {
      const issues = issuesOf([
        {
          name: "Category",
          plural: "categories",
          relations: [
            { name: "parent", to: "Category" },
            { name: "children", to: "Category", kind: "one-to-many" },
          ],
        },
      ]);
      expect(issueAt(issues, ["entities", 0, "relations", 0, "required"]).hint).toBe("add `required: false`");
      expect(issueAt(issues, ["entities", 0, "relations", 1]).message).toContain(
        "needs an optional many-to-one",
      );
    });

    it("many-to-many to itself is not supported yet", () => {
      const issues = issuesOf([
        { name: "Person", relations: [{ name: "friends", to: "Person", kind: "many-to-many" }] },
      ]);
      expect(issueAt(issues, ["entities", 0, "relations", 0, "to"]).message).toContain("not supported yet");
    });

    it("the same many-to-many declared on both sides", () => {
      const issues = issuesOf([
        { name: "Post", relations: [{ name: "tags", to: "Tag", kind: "many-to-many" }] },
        { name: "Tag", relations: [{ name: "posts", to: "Post", kind: "many-to-many" }] },
      ]);
      expect(issueAt(issues, ["entities", 1, "relations", 0]).hint).toBe(
        "declare a many-to-many on one side only",
      );
    });

    it("a cycle of many-to-one links", () => {
      const issues = issuesOf([
        { name: "Team", relations: [{ name: "captain", to: "Player" }] },
        { name: "Player", relations: [{ name: "team", to: "Team" }] },
      ]);
      expect(issueAt(issues, ["entities", 1, "relations", 0]).message).toContain("Team → Player → Team");
    });

    it("on Django, a many-to-many back to an entity that has a many-to-one to it", () => {
      const entities: EntityInput[] = [
        { name: "Post", relations: [{ name: "blog", to: "Blog" }] },
        { name: "Blog", relations: [{ name: "featured", to: "Post", kind: "many-to-many" }] },
      ];
      expect(issuesOf(entities)).toEqual([]);
      const issues = issuesOf(entities, { framework: "django" });
      expect(issueAt(issues, ["entities", 1, "relations", 0]).message).toContain(
        "(Post → Blog → Post): Django's initial migrations",
      );
    });
  });

  describe("composite constraints", () => {
    it("name fields, many-to-one relations and implied back links", () => {
      const issues = issuesOf([
        { name: "Order", relations: [{ name: "items", to: "Line", kind: "one-to-many" }] },
        {
          name: "Line",
          fields: [{ name: "position", type: "int" }],
          unique_together: [["order", "position"]],
          indexes: [["postion"]],
        },
      ]);
      expect(issues).toHaveLength(1);
      expect(issueAt(issues, ["entities", 1, "indexes", 0, 0]).hint).toBe(
        'did you mean "position"? (fields and many-to-one relations: position, order)',
      );
    });

    it("checks compare two fields of one orderable type", () => {
      const issues = issuesOf([
        {
          name: "Event",
          fields: [
            { name: "starts", type: "date" },
            { name: "title" },
            { name: "a", type: "bool" },
            { name: "b", type: "bool" },
          ],
          checks: [
            { field: "starts", op: "<", other: "title" },
            { field: "a", op: "!=", other: "b" },
            { field: "start", op: "<", other: "title" },
          ],
        },
      ]);
      expect(issueAt(issues, ["entities", 0, "checks", 0, "other"]).message).toBe(
        "cannot compare starts (date) with title (string)",
      );
      expect(issueAt(issues, ["entities", 0, "checks", 1, "field"]).message).toBe(
        "cannot compare bool fields",
      );
      expect(issueAt(issues, ["entities", 0, "checks", 2, "field"]).hint).toContain('did you mean "starts"?');
    });
  });

  it("owned_by: user needs jwt auth", () => {
    const issues = issuesOf([{ name: "Note", owned_by: "user" }], { auth: { kind: "none" } });
    expect(issueAt(issues, ["entities", 0, "owned_by"]).hint).toContain("kind: jwt");
  });

  it("every feature is not supported yet", () => {
    const issues = issuesOf([{ name: "Tag" }], { features: { caching: {}, jobs: true } });
    expect(issues.map((i) => i.path)).toEqual([
      ["features", "caching"],
      ["features", "jobs"],
    ]);
  });
});
