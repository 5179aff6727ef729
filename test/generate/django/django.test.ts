/** The Django target's own logic: field definitions, names Django limits, app labels, core usage, profile. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveProject } from "../../../src/blueprint/resolve.js";
import { type Blueprint, blueprintSchema } from "../../../src/blueprint/schema.js";
import { validateBlueprint } from "../../../src/blueprint/validate.js";
import { appLabel } from "../../../src/generate/targets/django/apps.js";
import { coreUsage } from "../../../src/generate/targets/django/core/index.js";
import { constraintName, indexName } from "../../../src/generate/targets/django/entity/models.js";
import { choiceLabel, fieldDef, renderField } from "../../../src/generate/targets/django/fields.js";
import { generateProject } from "../../../src/index.js";
import { readProfile } from "../../../src/verify/profile.js";

const field = (input: Record<string, unknown>) =>
  blueprintSchema.parse({ name: "x", entities: [{ name: "A", fields: [input] }] }).entities[0]?.fields[0] ??
  expect.unreachable();

const blueprint = (input: Record<string, unknown>): Blueprint =>
  blueprintSchema.parse({ name: "shop", framework: "django", ...input });

describe("Django field definitions", () => {
  it("labels choices the way Django's TextChoices would", () => {
    expect(choiceLabel("draft")).toBe("Draft");
    expect(choiceLabel("in_progress")).toBe("In Progress");
    expect(choiceLabel("v2_item")).toBe("V2 Item");
  });

  it("writes enum choices from the class in models and as literals in the migration", () => {
    const def = fieldDef(
      "Post",
      field({ name: "status", type: "enum", choices: ["draft", "published"], default: "draft" }),
    );

    expect(renderField(def, "model")).toBe(
      "models.CharField(max_length=9, choices=PostStatus.choices, default=PostStatus.DRAFT)",
    );
    expect(renderField(def, "migration")).toBe(
      'models.CharField(choices=[("draft", "Draft"), ("published", "Published")], default="draft", max_length=9)',
    );
  });

  it("gives the admin the API's validators (the migration must list them too)", () => {
    const def = fieldDef("Item", field({ name: "price", type: "decimal", min: 0, max: 10, required: false }));

    expect(renderField(def, "model")).toBe(
      'models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("10"))])',
    );
    expect(def.imports).toContain("decimal:Decimal");
  });
});

describe("names Django limits", () => {
  it("keeps index names within 30 characters, stable and distinct", () => {
    expect(indexName("orders", ["status", "placed_at"])).toBe("ix_orders_status_placed_at");
    const long = indexName("warehouse_locations", ["aisle", "shelf", "position"]);
    expect(long).toHaveLength(30);
    expect(long).toBe(indexName("warehouse_locations", ["aisle", "shelf", "position"]));
    expect(long).not.toBe(indexName("warehouse_locations", ["aisle", "shelf", "positions"]));
    expect(constraintName("cart_items", ["cart_id", "product_id"])).toBe("uq_cart_items_cart_id_product_id");
  });

  it("prefixes app labels Django or the project already uses", () => {
    const project = resolveProject(
      blueprint({ entities: [{ name: "Message", fields: [{ name: "text" }] }, { name: "Tag" }] }),
    );
    const [message, tag] = project.entities;
    expect(message && appLabel(project, message)).toBe("shop_messages");
    expect(tag && appLabel(project, tag)).toBe("tags");
  });

  it("reserves the users app even without API authentication", () => {
    const issues = validateBlueprint(
      blueprint({ auth: { kind: "none" }, entities: [{ name: "Member", plural: "users" }] }),
    );
    expect(issues.map((i) => i.message)).toContainEqual(expect.stringContaining("Django's user model"));
  });
});

describe("core usage", () => {
  it("writes only the core pieces the entities use", () => {
    const minimal = coreUsage(
      resolveProject(blueprint({ entities: [{ name: "Note", fields: [{ name: "title" }] }] })),
    );
    expect(minimal).toMatchObject({
      offset: true,
      cursor: false,
      datetime: false,
      references: false,
      sort: false,
    });

    const linked = coreUsage(
      resolveProject(
        blueprint({
          entities: [
            { name: "Cart", owned_by: "user", pagination: "cursor" },
            {
              name: "Item",
              relations: [{ name: "cart", to: "Cart" }],
              fields: [{ name: "n", type: "int", filter: true }],
            },
          ],
        }),
      ),
    );
    expect(linked).toMatchObject({
      cursor: true,
      references: true,
      privateReferences: true,
      intFilters: true,
      idFilters: true,
    });
  });
});

describe("generated project", () => {
  it("tells verify how to serve, migrate and administer it", async () => {
    const tree = await generateProject(
      blueprint({ entities: [{ name: "Note", fields: [{ name: "title" }] }] }),
    );
    const dir = await mkdtemp(join(tmpdir(), "ps-django-"));
    try {
      await writeFile(join(dir, "pyproject.toml"), tree.get("pyproject.toml") ?? "");
      expect(await readProfile(dir)).toMatchObject({
        framework: "django",
        serve: [
          "python",
          "-m",
          "uvicorn",
          "config.asgi:application",
          "--host",
          "127.0.0.1",
          "--port",
          "{port}",
        ],
        migrate: ["python", "manage.py", "migrate", "--no-input"],
        checkMigrations: ["python", "manage.py", "makemigrations", "--check", "--dry-run"],
        createAdmin: ["python", "manage.py", "create_admin", "{email}"],
        openapi: "/openapi.json",
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("has no create-admin command for verify without API authentication", async () => {
    const tree = await generateProject(
      blueprint({ auth: { kind: "none" }, entities: [{ name: "Note", fields: [{ name: "title" }] }] }),
    );
    expect(tree.get("pyproject.toml")).not.toContain("create-admin");
    expect(tree.get("shop/users/views.py")).toBeUndefined();
    expect(tree.get("shop/users/models.py")).toContain("class User(AbstractBaseUser, PermissionsMixin");
  });
});
