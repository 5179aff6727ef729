/** The project (package) name: given in the request, or taken from the domain, the entities or the features. */
import { pluralize, snakeCase } from "../../generate/python/naming.js";
import type { Draft } from "./draft.js";
import type { EntityPlan } from "./entities.js";
import { mentionAt, type Reading } from "./mentions.js";
import type { FrameworkId } from "./vocabulary.js";

/** Package names the generated project imports: a project of the same name would shadow them. */
const TAKEN_PACKAGE_NAMES = new Set(
  "fastapi flask django celery redis pydantic pydantic_settings sqlalchemy alembic pytest httpx strawberry graphql pandas numpy uvicorn starlette structlog argon2 jwt typing json test tests asyncio logging email site types string random time datetime collections http uuid decimal enum abc io os sys re math queue select signal socket ssl secrets code token tokenize operator copy inspect ast src main config db app_config".split(
    " ",
  ),
);

const FEATURE_PROJECT_NAMES: readonly [string, string][] = [
  ["graphql", "graphql_api"],
  ["realtime", "realtime_api"],
  ["data_processing", "data_pipeline"],
  ["background_jobs", "jobs_service"],
  ["rate_limiting", "rate_limited_api"],
  ["http_client", "integration_service"],
  ["social_login", "auth_service"],
  ["sso", "auth_service"],
  ["admin", "admin_site"],
  ["message_broker", "event_service"],
  ["file_storage", "file_service"],
  ["ml_inference", "ml_service"],
  ["llm", "llm_service"],
  ["caching", "cached_api"],
];

const PRODUCT_WORDS = new Set([
  "system",
  "app",
  "application",
  "api",
  "service",
  "platform",
  "backend",
  "website",
  "site",
  "tool",
  "server",
  "microservice",
]);
const NOT_A_NAME = new Set([
  "simple",
  "small",
  "basic",
  "new",
  "web",
  "python",
  "modern",
  "production",
  "ready",
  "full",
  "complete",
  "minimal",
  "tiny",
  "secure",
  "scalable",
  "robust",
  "fast",
  "quick",
  "internal",
  "public",
  "private",
  "mobile",
  "backend",
  "custom",
]);

/** "a library system", "a recipe sharing API": what the product is called in the request. */
function productName(reading: Reading): string | undefined {
  const { tokens } = reading;
  for (let i = 0; i < tokens.length; i++) {
    if (!["a", "an", "the", "my", "our"].includes(tokens[i]?.word ?? "")) continue;
    const words: string[] = [];
    let j = i + 1;
    while (j < tokens.length && words.length < 3) {
      const token = tokens[j];
      if (token?.kind !== "word" || PRODUCT_WORDS.has(token.word)) break;
      if (!/^[a-z]+$/.test(token.word) || mentionAt(reading, j) || NOT_A_NAME.has(token.word)) {
        words.length = 0;
        break;
      }
      words.push(token.word);
      j++;
    }
    if (words.length > 0 && words.length <= 2 && PRODUCT_WORDS.has(tokens[j]?.word ?? ""))
      return words.join("_");
  }
  return undefined;
}

export function projectName(
  reading: Reading,
  plan: EntityPlan,
  draft: Draft,
  framework: FrameworkId,
): string {
  const { normalized } = reading;
  const explicit =
    /\b(?!(?:field|column|entity|model|table|attribute|property|role|relation|endpoint|route)s?\s)[a-z]+\s+(?:called|named)\s+"?([a-z][a-z0-9_-]*)/.exec(
      normalized,
    ) ??
    /\b(?:name it|project name(?: is)?|package name(?: is)?)\s*:?\s*"?([a-z][a-z0-9_-]*)/.exec(normalized);
  if (explicit?.[1]) {
    let name = snakeCase(explicit[1].replace(/-/g, "_")).replace(/_+/g, "_").replace(/_$/, "");
    if (TAKEN_PACKAGE_NAMES.has(name)) {
      draft.assume(`project name "${name}" would shadow a package the project imports: ${name}_app`);
      name = `${name}_app`;
    }
    draft.note(`project name: ${name} (from "${explicit[0]}")`);
    return name;
  }
  let name: string;
  const product = productName(reading);
  if (plan.domain) name = plan.domain.project;
  else if (product && !TAKEN_PACKAGE_NAMES.has(product)) name = product;
  else if (plan.nouns && plan.entities[0]) {
    const first = plan.entities[0];
    name = `${first.plural ?? pluralize(snakeCase(first.name))}_api`;
  } else {
    name =
      FEATURE_PROJECT_NAMES.find(([feature]) => draft.features.has(feature))?.[1] ??
      (plan.entities[0]?.name === "Event" ? "events_api" : `${framework}_app`);
  }
  draft.assume(`no project name given: ${name}`);
  return name;
}
