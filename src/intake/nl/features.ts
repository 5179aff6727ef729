/** Features: options filled in from backends (Redis, RabbitMQ…), providers, schedules; defaults; messages. */

import type { BlueprintInput } from "../../blueprint/schema.js";
import { DATABASE_LABELS, type Draft, type FeatureOptions, featureTitle, frameworkLabel } from "./draft.js";
import type { Token } from "./text.js";
import { type BackendId, FEATURES, type FrameworkId, labelOf, type OptionValue } from "./vocabulary.js";

const LOGIN_WORDS = new Set([
  "login",
  "log",
  "signin",
  "sign",
  "auth",
  "authentication",
  "oauth",
  "oauth2",
  "sso",
  "account",
  "accounts",
  "social",
  "provider",
  "providers",
]);

export function resolveFeatures(draft: Draft, tokens: readonly Token[], normalized: string): void {
  for (const { mention, meaning } of draft.pending) {
    if (draft.features.has(meaning.feature)) {
      draft.addFeature(meaning.feature, meaning.options);
      draft.heard(`${featureTitle(meaning.feature)}: ${mention.term.label}`, mention);
    }
  }

  // Social-login providers: named next to a login word, or anywhere once social login is asked for.
  for (const { provider, mention } of draft.providers) {
    const near = tokens
      .slice(Math.max(0, mention.start - 3), mention.end + 2)
      .some((t) => LOGIN_WORDS.has(t.word));
    if (!near && !draft.features.has("social_login")) continue;
    if (mention.negated) {
      draft.heard(`no ${labelOf(provider)} login`, mention);
      continue;
    }
    draft.addFeature("social_login", { providers: [provider] });
    draft.heard(`social login with ${labelOf(provider)}`, mention);
  }

  if (draft.scheduledAsked) {
    const jobs = draft.features.get("background_jobs") ?? draft.addFeature("background_jobs");
    if (jobs.scheduler === undefined) {
      const library = jobs.library;
      const scheduler =
        library === "rq"
          ? "rq_scheduler"
          : library === "arq"
            ? "arq_cron"
            : library === "huey"
              ? "huey"
              : library === "apscheduler" || library === "dramatiq"
                ? "apscheduler"
                : "celery_beat";
      if (library === undefined) {
        jobs.library = "celery";
        draft.assume("scheduled tasks with no library named: Celery beat");
      }
      jobs.scheduler = scheduler;
    }
  }

  for (const { id, text } of draft.backends) attachBackend(draft, id, text);

  const rateLimit =
    /(\d+)\s*(?:requests?|reqs?|calls|hits)?\s*(?:per|an?|every|\/)\s*(second|sec|minute|min|hour|hr|day)\b/.exec(
      normalized,
    );
  const limiting = draft.features.get("rate_limiting");
  if (rateLimit && limiting && limiting.limit === undefined) {
    const unit = {
      second: "second",
      sec: "second",
      minute: "minute",
      min: "minute",
      hour: "hour",
      hr: "hour",
      day: "day",
    }[rateLimit[2] as "second"];
    limiting.limit = `${rateLimit[1]}/${unit}`;
    draft.note(`rate limit ${limiting.limit} (from "${rateLimit[0]}")`);
  }

  if (draft.realtimeAsked) {
    const graphql = draft.features.get("graphql");
    if (draft.features.has("realtime")) {
      // The transport named elsewhere carries it.
    } else if (graphql?.subscriptions) {
      draft.note("real-time updates through GraphQL subscriptions");
    } else if (!draft.negatedFeatures.has("realtime")) {
      draft.addFeature("realtime");
      draft.note("real-time updates");
    }
  }

  for (const name of draft.negatedFeatures) draft.features.delete(name);
  applyDefaults(draft);
}

function attachBackend(draft: Draft, id: BackendId, text: string): void {
  if (draft.negatedBackends.has(id)) return;
  const uses: string[] = [];
  const jobs = draft.features.get("background_jobs");
  const needsBroker = (library: OptionValue | undefined): boolean =>
    library === undefined || ["celery", "dramatiq", "rq", "arq", "huey"].includes(String(library));
  switch (id) {
    case "redis": {
      if (jobs && jobs.broker === undefined && needsBroker(jobs.library)) {
        jobs.broker = "redis";
        uses.push("job broker");
      }
      for (const [name, key, use] of [
        ["caching", "backend", "cache"],
        ["rate_limiting", "backend", "rate-limit counters"],
        ["realtime", "backend", "pub/sub between workers"],
        ["sessions", "store", "session store"],
      ] as const) {
        const options = draft.features.get(name);
        if (options && options[key] === undefined) {
          options[key] = "redis";
          uses.push(use);
        }
      }
      const broker = draft.features.get("message_broker");
      if (broker && !Array.isArray(broker.brokers)) {
        broker.brokers = ["redis_pubsub"];
        uses.push("Pub/Sub");
      }
      if (
        uses.length === 0 &&
        !jobs &&
        !draft.features.has("caching") &&
        !draft.features.has("rate_limiting")
      ) {
        draft.addFeature("caching", { backend: "redis" });
        uses.push("cache");
        draft.assume("Redis with no stated use: a Redis cache");
      }
      break;
    }
    case "rabbitmq":
    case "sqs": {
      const library = jobs?.library;
      if (
        jobs &&
        jobs.broker === undefined &&
        (library === undefined || library === "celery" || (id === "rabbitmq" && library === "dramatiq"))
      ) {
        jobs.broker = id;
        uses.push("job broker");
      } else {
        draft.addFeature("message_broker", { brokers: [id] });
        uses.push("message broker");
      }
      break;
    }
    case "memcached": {
      const cache = draft.addFeature("caching");
      if (cache.backend === undefined) cache.backend = "memcached";
      uses.push("cache");
      break;
    }
    case "aws": {
      const storage = draft.features.get("file_storage");
      const broker = draft.features.get("message_broker");
      if (storage) {
        if (storage.backend === undefined) storage.backend = "s3";
        uses.push("S3 file storage");
      } else if (Array.isArray(broker?.brokers) && broker.brokers.includes("sqs")) {
        uses.push("SQS client");
      } else {
        draft.addFeature("file_storage", { backend: "s3" });
        uses.push("S3 file storage");
        draft.assume("boto3 with no AWS service named: S3 file storage");
      }
      break;
    }
  }
  const label = {
    redis: "Redis",
    rabbitmq: "RabbitMQ",
    sqs: "AWS SQS",
    memcached: "Memcached",
    aws: "boto3 (AWS SDK)",
  }[id];
  draft.note(`${label}${uses.length ? `: ${uses.join(", ")}` : ""} (from "${text}")`);
}

function applyDefaults(draft: Draft): void {
  const redisAllowed = !draft.negatedBackends.has("redis");
  const jobs = draft.features.get("background_jobs");
  if (jobs) {
    if (jobs.library === undefined) {
      jobs.library = "celery";
      draft.assume("background jobs with no library named: Celery");
    }
    if (jobs.broker === undefined && ["celery", "dramatiq"].includes(String(jobs.library))) {
      jobs.broker = redisAllowed ? "redis" : "rabbitmq";
      draft.assume(`${labelOf(String(jobs.library))} with no broker named: ${labelOf(String(jobs.broker))}`);
    }
    if (jobs.broker === undefined && ["rq", "arq", "huey"].includes(String(jobs.library))) {
      jobs.broker = "redis";
      draft.assume(`${labelOf(String(jobs.library))} runs on Redis`);
    }
  }
  const defaults: [string, string, string, string][] = [
    ["caching", "backend", redisAllowed ? "redis" : "memory", "a cache with no store named"],
    ["rate_limiting", "backend", redisAllowed ? "redis" : "memory", "rate limiting with no store named"],
    ["realtime", "protocol", "websocket", "real-time with no transport named"],
    ["graphql", "library", "strawberry", "GraphQL with no library named"],
    ["http_client", "library", "httpx", "an HTTP client with no library named"],
    ["file_storage", "backend", "local", "file storage with no backend named"],
    ["error_tracking", "provider", "sentry", "error tracking with no service named"],
    ["metrics", "provider", "prometheus", "metrics with no system named"],
  ];
  for (const [name, key, value, what] of defaults) {
    const options = draft.features.get(name);
    if (options && options[key] === undefined) {
      options[key] = value;
      draft.assume(`${what}: ${labelOf(value)}`);
    }
  }
  const lists: [string, string, string[], string][] = [
    ["message_broker", "brokers", ["rabbitmq"], "a message broker with none named"],
    ["social_login", "providers", ["google", "github"], "social login with no provider named"],
  ];
  for (const [name, key, value, what] of lists) {
    const options = draft.features.get(name);
    if (options && !Array.isArray(options[key])) {
      options[key] = value;
      draft.assume(`${what}: ${value.map(labelOf).join(" and ")}`);
    }
  }
  const data = draft.features.get("data_processing");
  if (data && !Array.isArray(data.libraries)) {
    data.libraries = ["pandas"];
    draft.assume("data processing with no library named: pandas");
  }
}

function describeFeature(name: string, options: FeatureOptions): string {
  const info = FEATURES[name] ?? { title: name.replace(/_/g, " "), plural: false };
  const main = info.main ? options[info.main] : undefined;
  const prefix = typeof main === "string" ? `${labelOf(main)} ` : "";
  const details = Object.entries(options)
    .filter(([key]) => key !== info.main)
    .flatMap(([key, value]): string[] => {
      const words = key.replace(/_/g, " ");
      if (value === true) return [words];
      if (value === false) return [];
      if (Array.isArray(value)) return [`${words}: ${value.map(labelOf).join(", ")}`];
      return [`${words}: ${labelOf(String(value))}`];
    });
  return `${prefix}${info.title}${details.length ? ` (${details.join("; ")})` : ""}`;
}

export function unsupportedList(blueprint: BlueprintInput, framework: FrameworkId): string[] {
  const list: string[] = [];
  if (framework !== "fastapi")
    list.push(`${frameworkLabel(framework)} is not supported yet (available: FastAPI)`);
  for (const [name, options] of Object.entries(blueprint.features ?? {})) {
    const opts = options as FeatureOptions;
    if (name === "mysql" || name === "mongodb") {
      list.push(`${DATABASE_LABELS[name]} is not supported yet (available: SQLite, PostgreSQL)`);
    } else if (name === "python") {
      list.push(`Python ${String(opts.version)} is not supported (available: 3.11, 3.12, 3.13)`);
    } else {
      list.push(`${describeFeature(name, opts)} ${FEATURES[name]?.plural ? "are" : "is"} not supported yet`);
    }
  }
  return list;
}
