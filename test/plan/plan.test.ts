/** The plan explains the stack of the framework it plans for, not FastAPI's for every framework. */
import { describe, expect, it } from "vitest";
import { blueprintSchema } from "../../src/blueprint/schema.js";
import { formatPlan, planProject } from "../../src/plan/plan.js";

const planFor = (framework: string) =>
  formatPlan(
    planProject(
      blueprintSchema.parse({
        name: "notes",
        framework,
        entities: [{ name: "Note", fields: [{ name: "title" }] }],
      }),
    ),
  );

describe("planProject", () => {
  it.each([
    ["fastapi", ["async SQLAlchemy 2", "alembic check", "uvicorn with uvloop"], ["Django", "gunicorn"]],
    [
      "flask",
      ["Flask-SQLAlchemy", "flask db check", "gunicorn with sync workers"],
      ["async all the way", "Alembic migration"],
    ],
    [
      "django",
      ["DRF serializers", "makemigrations --check", "config/ (settings per environment)"],
      ["SQLAlchemy", "alembic"],
    ],
  ])("describes the %s stack", (framework, present, absent) => {
    const text = planFor(framework);
    for (const phrase of present) expect(text).toContain(phrase);
    for (const phrase of absent) expect(text).not.toContain(phrase);
    expect(text).toMatch(/^15\. Prepare for deployment$/m);
  });
});
