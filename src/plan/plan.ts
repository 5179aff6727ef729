/**
 * The plan: every decision about the project with its reason, in the order of the seed's 15-step approach.
 * A pure function of the Blueprint; `unsupported` names what was asked for but is not built yet.
 */
import { entityByName, type ResolvedProject, resolveProject } from "../blueprint/resolve.js";
import type { Blueprint } from "../blueprint/schema.js";
import { AVAILABLE_FRAMEWORKS, DEFAULT_TARGET, targetFor } from "../generate/targets/index.js";
import type { StackNotes } from "../generate/targets/target.js";

export interface Decision {
  readonly choice: string;
  readonly reason: string;
}

export interface PlanStep {
  readonly step: number;
  readonly title: string;
  readonly decisions: readonly Decision[];
}

export interface Plan {
  readonly project: string;
  readonly steps: readonly PlanStep[];
  /** Requested but not available yet: generation refuses rather than silently dropping them. */
  readonly unsupported: readonly string[];
}

export function planProject(blueprint: Blueprint): Plan {
  const unsupported: string[] = [];
  if (!targetFor(blueprint.framework)) {
    unsupported.push(
      `framework "${blueprint.framework}" is not supported yet (available: ${AVAILABLE_FRAMEWORKS.join(", ")})`,
    );
  }
  for (const feature of Object.keys(blueprint.features))
    unsupported.push(`feature "${feature}" is not supported yet`);
  const project = resolveProject(blueprint);
  const stack = (targetFor(blueprint.framework) ?? DEFAULT_TARGET).stack;
  const steps: [string, Decision[]][] = [
    ["Understand requirements", requirements(project)],
    ["Choose framework", framework(blueprint)],
    ["Set up project structure", structure(project, stack)],
    ["Define models & schemas", schemas(project, stack)],
    ["Implement data layer", [...stack.data(blueprint.database)]],
    ["Build business logic", [stack.services]],
    ["Create API endpoints", endpoints(project)],
    ["Add authentication & authorization", auth(project)],
    ["Implement async operations", [stack.concurrency]],
    ["Add middleware & dependencies", [stack.middleware]],
    [
      "Implement error handling",
      [
        d(
          "one JSON error shape for 401, 403, 404, 409, 422 and 500, the same on every framework",
          "clients parse one format; internals never leak in 500s",
        ),
      ],
    ],
    [
      "Add observability",
      [
        d(
          "JSON logs carrying the request id; /health/live and /health/ready (checks the database)",
          "machine-readable logs; orchestrators can probe liveness and readiness",
        ),
      ],
    ],
    ["Write comprehensive tests", tests(project, stack)],
    ["Optimize performance", performance(project, stack)],
    ["Prepare for deployment", deployment(blueprint, stack)],
  ];
  return {
    project: blueprint.name,
    steps: steps.map(([title, decisions], i) => ({ step: i + 1, title, decisions })),
    unsupported,
  };
}

function d(choice: string, reason: string): Decision {
  return { choice, reason };
}

function requirements(project: ResolvedProject): Decision[] {
  return project.entities.map((e) => {
    const links = [
      ...e.manyToOne.map((l) => `${l.name} → ${l.target}`),
      ...e.oneToMany.map((l) => `${l.name}: ${l.target}[]`),
      ...e.manyToMany.map((l) => `${l.name}: ${l.target}[] (many-to-many)`),
    ];
    const who = e.owned
      ? `owned by the user who creates it, readable by ${e.read}`
      : `readable by ${e.read}, writable by ${e.write}`;
    return d(
      `${e.name}: ${e.fields.map((f) => f.name).join(", ") || "no fields"}${links.length ? `; ${links.join(", ")}` : ""}`,
      `declared in the blueprint; ${who}`,
    );
  });
}

function framework(blueprint: Blueprint): Decision[] {
  return [
    d(blueprint.framework, targetFor(blueprint.framework)?.rationale ?? "requested in the blueprint"),
    d(
      `Python >= ${blueprint.python}`,
      "current typing features (Self, StrEnum, TaskGroup) and supported releases",
    ),
  ];
}

function structure(project: ResolvedProject, stack: StackNotes): Decision[] {
  const domains = [...(project.auth ? ["users"] : []), ...project.entities.map((e) => e.plural)];
  return [
    d(
      `${stack.layout(project.name)}; one package per domain: ${domains.join(", ")}`,
      "domain-based packages keep each domain's model, validation, logic and routes together",
    ),
    d(
      "uv with pyproject.toml, ruff, mypy --strict",
      "one fast tool for environments and locking; strict typing catches errors before tests",
    ),
  ];
}

function schemas(project: ResolvedProject, stack: StackNotes): Decision[] {
  const decisions: Decision[] = [stack.validation];
  for (const entity of project.entities) {
    if (entity.checks.length) {
      decisions.push(
        d(
          `${entity.name}: cross-field rules ${entity.checks.map((c) => `${c.field} ${c.op} ${c.other}`).join(", ")}`,
          "declared checks become a model validator (and are re-checked after partial updates)",
        ),
      );
    }
  }
  return decisions;
}

function endpoints(project: ResolvedProject): Decision[] {
  return project.entities.map((e) =>
    d(
      `/${e.plural}: list (${e.pagination} pagination${e.fields.some((f) => f.filter) ? ", filters" : ""}${e.fields.some((f) => f.sort) ? ", sorting" : ""}), create, get, patch, delete`,
      e.pagination === "cursor"
        ? "keyset pagination stays fast on large tables"
        : "offset pagination gives totals for numbered pages",
    ),
  );
}

function auth(project: ResolvedProject): Decision[] {
  if (!project.auth) return [d("no authentication", "auth.kind is none in the blueprint")];
  const owned = project.entities.filter((e) => e.owned).map((e) => e.name);
  const decisions = [
    d(
      "OAuth2 password flow: access JWT + refresh JWT, HS256 pinned, expiry enforced",
      "stateless tokens; a pinned algorithm rules out algorithm-confusion attacks",
    ),
    d("argon2id password hashing (argon2-cffi)", "memory-hard, the current OWASP recommendation"),
    d(
      `roles ${project.roles.join(", ")}; ${project.roles[0]} may do everything`,
      "role-based access control from the blueprint",
    ),
  ];
  if (owned.length)
    decisions.push(
      d(
        `ownership checks on ${owned.join(", ")}`,
        "rows belong to the user who created them; others get 404 or 403",
      ),
    );
  for (const e of project.entities) {
    for (const link of e.manyToOne) {
      if (entityByName(project, link.target).read === "owner") {
        decisions.push(
          d(
            `${e.name}.${link.name} may only point to the user's own ${link.target}`,
            "no attaching rows to someone else's private data",
          ),
        );
      }
    }
  }
  return decisions;
}

function tests(project: ResolvedProject, stack: StackNotes): Decision[] {
  return [
    d(
      `${stack.tests}; ${project.entities.length} entity test modules, factories, a fresh database per test`,
      "tests exercise the real HTTP stack and database; the same suite runs on SQLite and PostgreSQL",
    ),
    d(
      "coverage threshold 90%, query-count tests on every list endpoint",
      "untested code and N+1 queries fail the build",
    ),
  ];
}

function performance(project: ResolvedProject, stack: StackNotes): Decision[] {
  const decisions: Decision[] = [stack.performance];
  const cursor = project.entities.filter((e) => e.pagination === "cursor").map((e) => e.name);
  if (cursor.length)
    decisions.push(d(`keyset pagination for ${cursor.join(", ")}`, "no OFFSET scans on large lists"));
  return decisions;
}

function deployment(blueprint: Blueprint, stack: StackNotes): Decision[] {
  const decisions = [];
  if (blueprint.deploy.docker) {
    decisions.push(
      d(
        "multi-stage Dockerfile with uv, non-root user, migrations on start; compose with PostgreSQL",
        "small, safe images; one command to run the stack",
      ),
    );
  }
  if (blueprint.deploy.ci)
    decisions.push(
      d(
        `GitHub Actions: ruff, mypy, ${stack.migrationCheck}, pytest on SQLite and PostgreSQL`,
        "every push proves the project still works",
      ),
    );
  decisions.push(stack.server);
  return decisions;
}

/** The plan as readable text, one numbered step per block. */
export function formatPlan(plan: Plan): string {
  const lines = [`Plan for ${plan.project}`];
  for (const step of plan.steps) {
    lines.push("", `${step.step}. ${step.title}`);
    for (const decision of step.decisions)
      lines.push(`   - ${decision.choice}`, `     why: ${decision.reason}`);
  }
  if (plan.unsupported.length)
    lines.push("", "Not supported yet:", ...plan.unsupported.map((u) => `   - ${u}`));
  return lines.join("\n");
}
