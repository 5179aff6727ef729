/**
 * The rule-based sentence reader: the seed's 14 example requests verbatim, then paraphrases, synonyms,
 * misspellings, negations and multi-feature sentences, each mapped to the Blueprint an expert would choose.
 * Every reading whose `unsupported` is empty must be a valid Blueprint; every other reading must name each
 * unsupported framework and feature (nothing dropped silently) and be valid apart from those.
 */
import { describe, expect, it } from "vitest";
import { type Blueprint, blueprintSchema } from "../../src/blueprint/schema.js";
import { validateBlueprint } from "../../src/blueprint/validate.js";
import { lintTree } from "../../src/format/ruff.js";
import { generateTree } from "../../src/generate/index.js";
import { withoutAuth } from "../../src/intake/nl/catalog.js";
import {
  DESCRIPTION_LIMIT,
  DOMAINS,
  FEATURES,
  formatReading,
  parseRequest,
  type RequestReading,
  readMentions,
} from "../../src/intake/nl/index.js";
import { correctSpelling } from "../../src/intake/nl/text.js";
import { FUZZY_LEXICON, KNOWN_WORDS } from "../../src/intake/nl/vocabulary.js";

type Features = Record<string, Record<string, unknown>>;

interface Case {
  readonly text: string;
  readonly framework?: Blueprint["framework"];
  readonly database?: Blueprint["database"];
  readonly auth?: "jwt" | "none";
  /** Exactly these feature keys, each with at least these options. */
  readonly features?: Features;
  /** Exactly these entities (any order). */
  readonly entities?: readonly string[];
  /** At least these entities. */
  readonly includes?: readonly string[];
  readonly roles?: readonly string[];
  readonly name?: string;
  readonly deploy?: Partial<Blueprint["deploy"]>;
  /** Each pattern matches a line of `unsupported` (besides one line per feature). */
  readonly unsupported?: readonly RegExp[];
  readonly understood?: readonly RegExp[];
  readonly assumptions?: readonly RegExp[];
  readonly check?: (bp: Blueprint, reading: RequestReading) => void;
}

const ECOMMERCE = ["Category", "Tag", "Product", "Customer", "Cart", "CartItem", "Order", "OrderItem"];
const FULFILLMENT = ["Warehouse", "Order", "OrderLine", "Shipment"];
const CHAT = ["Room", "Membership", "Message"];
const BLOG = ["Tag", "Post", "Comment"];
const PROJECTS = ["Project", "Label", "Task", "Comment"];
const TODO = ["TodoList", "Todo"];
const INVENTORY = ["Supplier", "Warehouse", "Item", "StockLevel", "StockMovement"];
const BOOKING = ["Resource", "Booking"];
const CRM = ["Company", "Contact", "Deal", "Activity"];
const SOCIAL = ["Profile", "Post", "Comment", "Reaction", "Follow"];
const IOT = ["Device", "Reading", "Alert"];
const HELPDESK = ["Category", "Ticket", "Reply"];
const LEARNING = ["Course", "Lesson", "Enrollment"];
const PIPELINE = ["DataSource", "PipelineRun"];

const entity = (bp: Blueprint, name: string) => {
  const found = bp.entities.find((e) => e.name === name);
  if (!found) throw new Error(`no entity ${name}`);
  return found;
};

/** The seed's example requests, verbatim. */
const SEED: readonly Case[] = [
  {
    text: "Create a FastAPI REST API for e-commerce with JWT authentication and PostgreSQL",
    framework: "fastapi",
    database: "postgresql",
    auth: "jwt",
    features: {},
    entities: ECOMMERCE,
    roles: ["admin", "customer"],
    name: "shop",
  },
  {
    text: "Implement async task processing with Celery and Redis for order fulfillment",
    framework: "fastapi",
    database: "sqlite",
    auth: "jwt",
    features: { background_jobs: { library: "celery", broker: "redis" } },
    entities: FULFILLMENT,
    name: "fulfillment",
  },
  {
    text: "Build a Django admin interface with custom model admin and inline editing",
    framework: "django",
    database: "sqlite",
    auth: "jwt",
    features: { admin: { interface: "django_admin", custom_model_admin: true, inlines: true } },
    entities: ["Item"],
    unsupported: [/^Django is not supported yet/],
  },
  {
    text: "Create a GraphQL API with Strawberry including subscriptions for real-time updates",
    framework: "fastapi",
    database: "sqlite",
    auth: "jwt",
    features: { graphql: { library: "strawberry", subscriptions: true } },
    entities: ["Item"],
    understood: [/real-time updates through GraphQL subscriptions/],
  },
  {
    text: "Implement WebSocket server with FastAPI for real-time chat application",
    framework: "fastapi",
    database: "sqlite",
    auth: "jwt",
    features: { realtime: { protocol: "websocket" } },
    entities: CHAT,
    name: "chat",
  },
  {
    text: "Design repository pattern with SQLAlchemy including async queries and transactions",
    framework: "fastapi",
    database: "sqlite",
    auth: "jwt",
    features: { repository_pattern: {} },
    entities: ["Item"],
    understood: [/SQLAlchemy/, /transactions/, /async queries/],
  },
  {
    text: "Create Flask microservice with Flask-SQLAlchemy and Flask-JWT-Extended",
    framework: "flask",
    database: "sqlite",
    auth: "jwt",
    features: {},
    entities: ["Item"],
    unsupported: [/^Flask is not supported yet/],
    understood: [/Flask-SQLAlchemy/, /flask-jwt-extended/],
  },
  {
    text: "Implement pytest test suite with fixtures, mocks, and async tests",
    framework: "fastapi",
    database: "sqlite",
    auth: "jwt",
    features: {},
    entities: ["Item"],
    understood: [/pytest/, /fixtures/, /mocks/, /async tests/],
  },
  {
    text: "Build data processing pipeline with pandas and Celery for ETL operations",
    framework: "fastapi",
    database: "sqlite",
    auth: "jwt",
    features: {
      data_processing: { libraries: ["pandas"], etl: true },
      background_jobs: { library: "celery", broker: "redis" },
    },
    entities: PIPELINE,
  },
  {
    text: "Create OAuth2 authentication flow with social login (Google, GitHub)",
    framework: "fastapi",
    database: "sqlite",
    auth: "jwt",
    features: { social_login: { providers: ["google", "github"] } },
    entities: ["Item"],
  },
  {
    text: "Implement background job processing with Celery beat for scheduled tasks",
    framework: "fastapi",
    database: "sqlite",
    auth: "jwt",
    features: { background_jobs: { library: "celery", scheduler: "celery_beat", broker: "redis" } },
    entities: ["Item"],
  },
  {
    text: "Design Pydantic models with complex validation rules and custom validators",
    framework: "fastapi",
    database: "sqlite",
    auth: "jwt",
    features: {},
    entities: ["Event"],
    check: (bp) => {
      const event = entity(bp, "Event");
      expect(event.checks).toHaveLength(1);
      expect(event.fields.some((f) => f.pattern !== undefined)).toBe(true);
      expect(event.fields.some((f) => f.normalize !== undefined)).toBe(true);
      expect(event.fields.some((f) => f.min !== undefined && f.max !== undefined)).toBe(true);
    },
  },
  {
    text: "Create async HTTP client with httpx for external API integration",
    framework: "fastapi",
    database: "sqlite",
    auth: "jwt",
    features: { http_client: { library: "httpx" } },
    entities: ["Item"],
  },
  {
    text: "Implement rate limiting with Redis and sliding window algorithm",
    framework: "fastapi",
    database: "sqlite",
    auth: "jwt",
    features: { rate_limiting: { backend: "redis", algorithm: "sliding_window" } },
    entities: ["Item"],
  },
];

/** Paraphrases, synonyms, misspellings, negations, several features at once, unknown domains. */
const PARAPHRASES: readonly Case[] = [
  // Frameworks and databases, however they are written
  {
    text: "Create a FastAPI REST API for e-commerce with JWT authentication",
    database: "sqlite",
    features: {},
    entities: ECOMMERCE,
  },
  {
    text: "Build an online store backend in fast api with postgres",
    framework: "fastapi",
    database: "postgresql",
    entities: ECOMMERCE,
  },
  { text: "webshop api, pg database, jwt tokens", database: "postgresql", auth: "jwt", entities: ECOMMERCE },
  {
    text: "e-commerce API using psql and sqlalchemy",
    database: "postgresql",
    features: {},
    entities: ECOMMERCE,
  },
  { text: "A shop on Postgre SQL", database: "postgresql", entities: ECOMMERCE },
  {
    text: "A djnago blog with postgress",
    framework: "django",
    database: "postgresql",
    entities: BLOG,
    understood: [/"djnago" read as "django"/],
    unsupported: [/^Django/],
  },
  { text: "fastpi todo app", framework: "fastapi", features: {}, entities: TODO },
  {
    text: "Django REST framework API for a marketplace",
    framework: "django",
    entities: ECOMMERCE,
    unsupported: [/^Django/],
  },
  { text: "Use FastAPI instead of Django for the blog", framework: "fastapi", features: {}, entities: BLOG },
  {
    text: "FastAPI or Flask, whichever, for a todo app",
    framework: "fastapi",
    entities: TODO,
    assumptions: [/several frameworks named \(FastAPI, Flask\): using FastAPI/],
  },
  {
    text: "session-based auth with Flask-Login",
    framework: "flask",
    features: { sessions: { library: "flask_login" } },
    unsupported: [/^Flask/],
  },
  {
    text: "A MySQL backed API for warehouse inventory",
    database: "sqlite",
    features: { mysql: {} },
    entities: INVENTORY,
    unsupported: [/^MySQL is not supported yet/],
  },
  {
    text: "Mongo + FastAPI + Motor for a blog",
    features: { mongodb: {} },
    entities: BLOG,
    unsupported: [/^MongoDB/],
  },
  {
    text: "IoT telemetry from sensors stored in TimescaleDB",
    database: "postgresql",
    features: {},
    entities: IOT,
  },
  {
    text: "blog API with Python 3.12 and sqlite3",
    database: "sqlite",
    features: {},
    check: (bp) => expect(bp.python).toBe("3.12"),
  },

  // Background jobs, schedules and brokers
  {
    text: "Celary workers with RabbitMQ for order processing",
    features: { background_jobs: { library: "celery", broker: "rabbitmq" } },
    entities: FULFILLMENT,
  },
  { text: "background tasks with RQ", features: { background_jobs: { library: "rq", broker: "redis" } } },
  {
    text: "Use Dramatiq with rabbit for background jobs",
    features: { background_jobs: { library: "dramatiq", broker: "rabbitmq" } },
  },
  {
    text: "arq worker for async jobs with Redis",
    features: { background_jobs: { library: "arq", broker: "redis" } },
  },
  {
    text: "cron jobs with APScheduler",
    features: { background_jobs: { library: "apscheduler", scheduler: "apscheduler" } },
  },
  {
    text: "periodic tasks that run every hour",
    features: { background_jobs: { library: "celery", scheduler: "celery_beat", broker: "redis" } },
    assumptions: [/scheduled tasks with no library named: Celery beat/],
  },
  {
    text: "Background jobs with Celery but not Redis",
    features: { background_jobs: { library: "celery", broker: "rabbitmq" } },
    understood: [/no Redis/],
  },
  {
    text: "process messages from AWS SQS with Celery",
    features: { background_jobs: { library: "celery", broker: "sqs" } },
  },
  {
    text: "kafka consumers for telemetry from IoT sensors",
    features: { message_broker: { brokers: ["kafka"] } },
    entities: IOT,
  },
  { text: "NATS pub/sub messaging between services", features: { message_broker: { brokers: ["nats"] } } },
  { text: "Redis pub/sub for notifications", features: { message_broker: { brokers: ["redis_pubsub"] } } },
  { text: "an event bus on rabbit mq", features: { message_broker: { brokers: ["rabbitmq"] } } },

  // Real-time and GraphQL
  { text: "a chat server with socket.io", features: { realtime: { protocol: "socketio" } }, entities: CHAT },
  { text: "live dashboard updates with server-sent events", features: { realtime: { protocol: "sse" } } },
  {
    text: "Django Channels chat",
    framework: "django",
    features: { realtime: { protocol: "websocket", library: "channels" } },
    entities: CHAT,
  },
  {
    text: "websockets for a real time chat",
    features: { realtime: { protocol: "websocket" } },
    entities: CHAT,
  },
  {
    text: "real-time notifications for a helpdesk",
    features: { realtime: { protocol: "websocket" } },
    entities: HELPDESK,
    assumptions: [/real-time with no transport named: WebSocket/],
  },
  { text: "Ariadne GraphQL API for a blog", features: { graphql: { library: "ariadne" } }, entities: BLOG },
  { text: "graphene-django API", framework: "django", features: { graphql: { library: "graphene" } } },
  {
    text: "GraphQL API with dataloaders",
    features: { graphql: { library: "strawberry", dataloader: true } },
  },

  // Caching and rate limiting
  { text: "API with caching in redis", features: { caching: { backend: "redis" } } },
  {
    text: "memcached caching for the product catalog",
    features: { caching: { backend: "memcached" } },
    entities: ECOMMERCE,
  },
  {
    text: "FastAPI app with Redis",
    features: { caching: { backend: "redis" } },
    assumptions: [/Redis with no stated use: a Redis cache/],
  },
  {
    text: "throttling at 100 requests per minute",
    features: { rate_limiting: { backend: "redis", limit: "100/minute" } },
  },
  {
    text: "token bucket rate limiter using slowapi",
    features: { rate_limiting: { algorithm: "token_bucket", library: "slowapi", backend: "redis" } },
  },
  { text: "rate limiting without redis", features: { rate_limiting: { backend: "memory" } } },

  // Authentication
  {
    text: "a todo app with login with github and google",
    features: { social_login: { providers: ["github", "google"] } },
    entities: TODO,
  },
  {
    text: "Sign in with Google for a learning platform",
    features: { social_login: { providers: ["google"] } },
    entities: LEARNING,
  },
  { text: "API key authentication for partners", features: { api_keys: {} } },
  {
    text: "e-commerce with bcrypt password hashing",
    features: { password_hashing: { algorithm: "bcrypt" } },
    entities: ECOMMERCE,
  },
  {
    text: "OAuth2 password flow with refresh tokens and argon2",
    auth: "jwt",
    features: {},
    understood: [/OAuth2 password flow/, /argon2id/],
  },
  {
    text: "CRM with roles admin, sales and support",
    auth: "jwt",
    entities: CRM,
    roles: ["admin", "sales", "support"],
  },
  { text: "todo app with auth: none", auth: "none", features: {}, entities: TODO },

  // Negations
  {
    text: "public API without auth for an inventory",
    auth: "none",
    features: {},
    entities: INVENTORY,
    check: (bp) =>
      expect(bp.entities.every((e) => e.owned_by === undefined && e.read === undefined)).toBe(true),
  },
  {
    text: "inventory service, no authentication, no docker and no ci",
    auth: "none",
    deploy: { docker: false, ci: false },
    entities: INVENTORY,
  },
  { text: "blog without docker or ci", deploy: { docker: false, ci: false }, auth: "jwt", entities: BLOG },
  { text: "no auth, PostgreSQL database for a blog", auth: "none", database: "postgresql", entities: BLOG },
  {
    text: "chat app with websockets, without auth",
    auth: "none",
    features: { realtime: { protocol: "websocket" } },
    entities: CHAT,
  },
  {
    text: "a kanban board API, we don't need docker",
    deploy: { docker: false, ci: true },
    entities: PROJECTS,
  },
  {
    text: "task management API with postgres; auth not needed",
    auth: "none",
    database: "postgresql",
    entities: PROJECTS,
  },

  { text: "Flask, not Django, for a blog", framework: "flask", entities: BLOG, unsupported: [/^Flask/] },
  { text: "todo app. No need for CI/CD", deploy: { docker: true, ci: false }, features: {}, entities: TODO },
  { text: "a shop, skip the admin panel", features: {}, entities: ECOMMERCE },
  { text: "I don't want GraphQL, just REST, for a CRM", features: {}, entities: CRM },
  { text: "docker: no; ci: false", deploy: { docker: false, ci: false }, features: {} },
  { text: "neither docker nor ci", deploy: { docker: false, ci: false } },
  { text: "an API for notes without Celery", features: {}, entities: ["Note"] },
  {
    text: "Django admin without inline editing",
    framework: "django",
    features: { admin: { interface: "django_admin" } },
    check: (bp) => expect(bp.features.admin).not.toHaveProperty("inlines"),
  },

  // Several features in one sentence
  {
    text: "FastAPI + Strawberry + websockets + Celery + Redis for a chat app",
    features: {
      graphql: { library: "strawberry" },
      realtime: { protocol: "websocket", backend: "redis" },
      background_jobs: { library: "celery", broker: "redis" },
    },
    entities: CHAT,
  },
  {
    text: "a CRM with JWT, Sentry error tracking and Prometheus metrics",
    features: { error_tracking: { provider: "sentry" }, metrics: {} },
    entities: CRM,
  },
  {
    text: "helpdesk ticketing system with file uploads to S3, Sentry, no ci",
    features: { file_storage: { uploads: true, backend: "s3" }, error_tracking: { provider: "sentry" } },
    entities: HELPDESK,
    roles: ["agent", "customer"],
    deploy: { ci: false },
  },
  {
    text: "Build it with Poetry and deploy to Kubernetes",
    features: { packaging: { tool: "poetry" }, kubernetes: {} },
  },
  {
    text: "OpenAI powered chatbot with LangChain",
    features: { llm: { providers: ["openai"], libraries: ["langchain"] } },
    entities: ["Item"],
  },
  { text: "scikit-learn model serving API", features: { ml_inference: { libraries: ["scikit_learn"] } } },
  {
    text: "Polars ETL with Dask",
    features: { data_processing: { libraries: ["polars", "dask"], etl: true } },
    entities: PIPELINE,
  },
  {
    text: "an API to track expenses and budgets for each user, with Redis caching and Sentry",
    features: { caching: { backend: "redis" }, error_tracking: { provider: "sentry" } },
    entities: ["Expense", "Budget"],
    check: (bp) => expect(bp.entities.every((e) => e.owned_by === "user")).toBe(true),
  },
  {
    text: "pytest with 90% coverage, mypy strict, ruff, structlog logging and health checks",
    features: {},
    understood: [/coverage/, /mypy/, /ruff/, /structlog/, /health/],
  },

  {
    text: "a blog with brute-force protection and rate-limited login",
    features: {},
    entities: BLOG,
    understood: [/failed logins are throttled/],
  },
  {
    text: "Add Stripe payments and SendGrid email notifications to my shop",
    features: { payments: { provider: "stripe" }, email: { provider: "sendgrid" } },
    entities: ECOMMERCE,
    unsupported: [
      /^Stripe payment processing is not supported yet$/,
      /^SendGrid email sending is not supported yet$/,
    ],
  },
  {
    text: "Python 3.10 API for a todo list",
    features: { python: { version: "3.10" } },
    entities: TODO,
    unsupported: [/^Python 3\.10 is not supported/],
  },
  {
    text: "REST API; auth via API keys only (no JWT)",
    auth: "none",
    features: { api_keys: {} },
  },

  // Catalog domains
  {
    text: "LMS for online courses with PostgreSQL",
    database: "postgresql",
    features: {},
    entities: LEARNING,
  },
  { text: "hotel booking API", features: {}, entities: BOOKING, name: "booking" },
  { text: "social network with followers and a news feed", features: {}, entities: SOCIAL },
  {
    text: "kanban board API with cursor pagination",
    features: {},
    entities: PROJECTS,
    check: (bp) => expect(bp.entities.every((e) => e.pagination === "cursor")).toBe(true),
  },
  { text: "I need a backend to manage tasks and projects", features: {}, entities: PROJECTS },
  { text: "customer support tickets", features: {}, entities: HELPDESK },
  { text: "an appointment scheduling app for a clinic", features: {}, entities: BOOKING },

  // Unknown domains: entities from nouns, relations only when stated
  {
    text: "an API to manage books, authors and loans",
    features: {},
    entities: ["Book", "Author", "Loan"],
    name: "books_api",
    check: (bp) => {
      expect(bp.entities.every((e) => e.relations.length === 0)).toBe(true);
      expect(entity(bp, "Book").fields.map((f) => f.name)).toEqual(["title", "description"]);
      expect(entity(bp, "Author").fields.map((f) => f.name)).toEqual(["name", "email"]);
    },
    assumptions: [/Book: no fields named, guessed title, description/],
  },
  {
    text: "An API to manage books, authors and loans. Books belong to authors and each loan has a book.",
    entities: ["Book", "Author", "Loan"],
    check: (bp) => {
      expect(entity(bp, "Book").relations).toMatchObject([
        { name: "author", to: "Author", kind: "many-to-one" },
      ]);
      expect(entity(bp, "Loan").relations).toMatchObject([{ name: "book", to: "Book", kind: "many-to-one" }]);
      expect(entity(bp, "Author").relations).toEqual([]);
    },
  },
  {
    text: "A library system where each loan has a book and a member; books have many authors and authors have many books",
    entities: ["Loan", "Book", "Member", "Author"],
    name: "library",
    check: (bp) => {
      expect(entity(bp, "Loan").relations.map((r) => `${r.name}:${r.to}`)).toEqual([
        "book:Book",
        "member:Member",
      ]);
      const m2m = bp.entities.flatMap((e) => e.relations.filter((r) => r.kind === "many-to-many"));
      expect(m2m).toHaveLength(1);
    },
  },
  {
    text: "manage recipes and ingredients; users have many recipes, recipes have many ingredients and each recipe has a title and a rating",
    entities: ["Recipe", "Ingredient"],
    check: (bp) => {
      expect(entity(bp, "Recipe").owned_by).toBe("user");
      expect(entity(bp, "Recipe").fields.map((f) => f.name)).toEqual(["title", "rating"]);
      expect(entity(bp, "Ingredient").relations).toMatchObject([{ name: "recipe", to: "Recipe" }]);
    },
    assumptions: [/users are built in/],
  },
  {
    text: "REST API to keep track of vehicles, drivers and trips; each trip has a vehicle and a driver",
    entities: ["Vehicle", "Driver", "Trip"],
    check: (bp) => expect(entity(bp, "Trip").relations.map((r) => r.to)).toEqual(["Vehicle", "Driver"]),
  },
  {
    text: "A service for managing invoices and payments for each user",
    entities: ["Invoice", "Payment"],
    check: (bp) => {
      expect(bp.entities.every((e) => e.owned_by === "user")).toBe(true);
      expect(entity(bp, "Payment").fields.map((f) => f.name)).toEqual([
        "description",
        "amount",
        "currency",
        "occurred_on",
      ]);
    },
  },
  {
    text: "Build a FastAPI backend for a hospital: patients, doctors and appointments",
    entities: ["Patient", "Doctor", "Appointment"],
  },
  {
    text: "an API to manage users and groups, without auth",
    auth: "none",
    entities: ["User", "Group"],
    assumptions: [/without auth, users are an ordinary entity/],
  },
  {
    text: "an app to organise people and teams without login",
    auth: "none",
    entities: ["Person", "Team"],
    check: (bp) => expect(entity(bp, "Person").plural).toBe("people"),
  },
  {
    text: "REST API for an online store with products, reviews and wishlists; reviews belong to products",
    includes: [...ECOMMERCE, "Review", "Wishlist"],
    check: (bp) => expect(entity(bp, "Review").relations).toMatchObject([{ name: "product", to: "Product" }]),
  },
  {
    text: "Build a REST API for a veterinary clinic to manage pets, owners and appointments",
    entities: ["Pet", "Owner", "Appointment"],
    assumptions: [/"appointments" named as one entity among others/],
    check: (bp) => {
      const appointment = entity(bp, "Appointment");
      expect(appointment.fields.map((f) => f.name)).toEqual(["starts_at", "ends_at", "status", "notes"]);
      expect(appointment.checks).toMatchObject([{ field: "ends_at", op: ">", other: "starts_at" }]);
    },
  },
  {
    text: "Create an API for a school: students, teachers, classes and grades",
    entities: ["Student", "Teacher", "ClassRecord", "Grade"],
    assumptions: [/entity Class renamed ClassRecord/],
  },
  {
    text: "a secure API for our mobile app where users post photos and videos",
    entities: ["Photo", "Video"],
    check: (bp) => expect(bp.entities.every((e) => e.owned_by === "user")).toBe(true),
  },
  { text: "an API for courses, lessons, students and grades", includes: [...LEARNING, "Student", "Grade"] },
  {
    text: "categories have a parent category; manage categories and products",
    check: (bp) =>
      expect(entity(bp, "Category").relations).toMatchObject([
        { name: "parent", to: "Category", required: false, on_delete: "set-null" },
      ]),
  },
];

const CASES = [
  ...SEED.map((c) => ({ ...c, seed: true })),
  ...PARAPHRASES.map((c) => ({ ...c, seed: false })),
];

function matchesSome(lines: readonly string[], pattern: RegExp): boolean {
  return lines.some((line) => pattern.test(line));
}

describe("parseRequest: sentences", () => {
  it("covers at least 60 sentences, the 14 seed examples among them", () => {
    expect(SEED).toHaveLength(14);
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(CASES)("$text", (c) => {
    const reading = parseRequest(c.text);
    const bp = blueprintSchema.parse(reading.blueprint);
    expect(reading.source).toBe("rules");
    if (c.framework) expect(bp.framework).toBe(c.framework);
    if (c.database) expect(bp.database).toBe(c.database);
    if (c.auth) expect(bp.auth.kind).toBe(c.auth);
    if (c.features) {
      expect(Object.keys(bp.features).sort()).toEqual(Object.keys(c.features).sort());
      expect(bp.features).toMatchObject(c.features);
    }
    if (c.entities) expect(bp.entities.map((e) => e.name).sort()).toEqual([...c.entities].sort());
    if (c.includes) expect(bp.entities.map((e) => e.name)).toEqual(expect.arrayContaining([...c.includes]));
    if (c.roles) expect(bp.auth.roles).toEqual(c.roles);
    if (c.name) expect(bp.name).toBe(c.name);
    if (c.deploy) expect(bp.deploy).toMatchObject(c.deploy);
    for (const pattern of c.unsupported ?? [])
      expect(matchesSome(reading.unsupported, pattern), String(pattern)).toBe(true);
    for (const pattern of c.understood ?? [])
      expect(matchesSome(reading.understood, pattern), String(pattern)).toBe(true);
    for (const pattern of c.assumptions ?? [])
      expect(matchesSome(reading.assumptions, pattern), String(pattern)).toBe(true);
    c.check?.(bp, reading);

    // Nothing dropped silently: one line per unsupported framework and feature, and nothing else.
    const frameworkLines = bp.framework === "fastapi" ? 0 : 1;
    expect(reading.unsupported).toHaveLength(Object.keys(bp.features).length + frameworkLines);
    // Valid as a Blueprint, apart from the features not built yet.
    const issues = validateBlueprint(bp);
    if (reading.unsupported.length === 0) expect(issues).toEqual([]);
    else expect(issues.filter((i) => i.path[0] !== "features")).toEqual([]);
  });

  it("explains itself: every reading lists what it understood and what it assumed", () => {
    for (const c of CASES) {
      const reading = parseRequest(c.text);
      expect(reading.assumptions.length, c.text).toBeGreaterThan(0);
    }
    const seed = parseRequest(SEED[0]?.text ?? "");
    expect(seed.understood).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^framework: FastAPI/),
        expect.stringMatching(/^database: PostgreSQL/),
        expect.stringMatching(/^authentication: JWT/),
        expect.stringMatching(/^domain: e-commerce/),
      ]),
    );
    expect(seed.assumptions).toEqual(expect.arrayContaining([expect.stringMatching(/e-commerce catalog/)]));
  });

  it("generates lint-clean projects from the supported seed examples", () => {
    for (const c of SEED) {
      const reading = parseRequest(c.text);
      if (reading.unsupported.length > 0) continue;
      const bp = blueprintSchema.parse(reading.blueprint);
      expect(bp.description.length).toBeLessThanOrEqual(DESCRIPTION_LIMIT);
      const problems = lintTree(generateTree(bp), {
        pythonVersion: bp.python,
        firstParty: [bp.name, "tests"],
      });
      expect(
        problems.map((p) => `${p.path} ${p.diagnostic.code} ${p.diagnostic.message}`),
        c.text,
      ).toEqual([]);
    }
  });

  it("keeps descriptions on one generated line", () => {
    for (const c of CASES) {
      expect(parseRequest(c.text).blueprint.description?.length, c.text).toBeLessThanOrEqual(
        DESCRIPTION_LIMIT,
      );
    }
    for (const domain of DOMAINS)
      expect(domain.description.length, domain.id).toBeLessThanOrEqual(DESCRIPTION_LIMIT);
  });

  it("is deterministic", () => {
    for (const c of CASES) expect(parseRequest(c.text)).toEqual(parseRequest(c.text));
  });

  it("reads the e-commerce request as categories, products, customers, carts and orders with items, owned by users", () => {
    const reading = parseRequest("Create a FastAPI REST API for e-commerce with JWT authentication");
    expect(reading.unsupported).toEqual([]);
    const bp = blueprintSchema.parse(reading.blueprint);
    expect(validateBlueprint(bp)).toEqual([]);
    expect(bp.database).toBe("sqlite");
    expect(bp.auth.kind).toBe("jwt");
    for (const name of ["Customer", "Cart", "CartItem", "Order", "OrderItem"]) {
      expect(entity(bp, name).owned_by, name).toBe("user");
    }
    expect(entity(bp, "Product").relations).toMatchObject([
      { name: "category", to: "Category" },
      { to: "Tag" },
    ]);
    expect(entity(bp, "Cart").relations).toMatchObject([
      { name: "items", to: "CartItem", kind: "one-to-many" },
    ]);
    expect(entity(bp, "Order").relations).toMatchObject([
      { name: "customer", to: "Customer" },
      { name: "items", to: "OrderItem", kind: "one-to-many" },
    ]);
    expect(entity(bp, "Product").read).toBe("public");

    const withPostgres = parseRequest(
      "Create a FastAPI REST API for e-commerce with JWT authentication and PostgreSQL",
    );
    expect(withPostgres.blueprint.database).toBe("postgresql");
    expect(withPostgres.unsupported).toEqual([]);
  });

  it("names every unsupported feature in words", () => {
    const reading = parseRequest("Implement rate limiting with Redis and sliding window algorithm");
    expect(reading.unsupported).toEqual([
      "Redis rate limiting (algorithm: sliding window) is not supported yet",
    ]);
    expect(
      parseRequest("Implement async task processing with Celery and Redis for order fulfillment").unsupported,
    ).toEqual(["Celery background jobs (broker: Redis) are not supported yet"]);
  });

  it("takes a project name when one is given, and keeps it clear of imported packages", () => {
    expect(parseRequest("a blog called acme-news").blueprint.name).toBe("acme_news");
    expect(parseRequest("an API named pandas to manage reports").blueprint.name).toBe("pandas_app");
  });

  it("renames guessed entities and relations that would clash with reserved names", () => {
    const reading = parseRequest("manage dates, properties and ranges; each property has a range");
    const bp = blueprintSchema.parse(reading.blueprint);
    expect(validateBlueprint(bp)).toEqual([]);
    expect(bp.entities.map((e) => e.name)).toEqual(["DateRecord", "Property", "Range"]);
    expect(entity(bp, "Property").relations).toMatchObject([{ name: "range_ref", to: "Range" }]);
    expect(reading.assumptions).toEqual(
      expect.arrayContaining([expect.stringMatching(/^entity Date renamed DateRecord/)]),
    );
  });

  it("formats a reading for the terminal", () => {
    const text = formatReading(
      parseRequest("Implement rate limiting with Redis and sliding window algorithm"),
    );
    expect(text).toMatch(/^Understood:\n {3}- rate limiting \(from "rate limiting"\)/);
    expect(text).toContain("\nAssumed:\n");
    expect(text).toMatch(
      /\nNot supported yet:\n {3}- Redis rate limiting \(algorithm: sliding window\) is not supported yet$/,
    );
  });

  it("starts from something on an empty request", () => {
    const reading = parseRequest("");
    const bp = blueprintSchema.parse(reading.blueprint);
    expect(validateBlueprint(bp)).toEqual([]);
    expect(bp.entities.map((e) => e.name)).toEqual(["Item"]);
  });
});

// ---------------------------------------------------------------------------------------------------------

/** Every system, library and practice the seed names in its capability lists. */
const SEED_SYSTEMS = [
  "FastAPI",
  "Django",
  "Flask",
  "Pydantic",
  "SQLAlchemy",
  "Tortoise ORM",
  "aerich",
  "Django ORM",
  "Alembic",
  "asyncpg",
  "Motor",
  "pytest",
  "pytest-asyncio",
  "unittest",
  "unittest.mock",
  "MagicMock",
  "AsyncMock",
  "coverage.py",
  "pytest-cov",
  "TestClient",
  "fixtures",
  "parametrize",
  "Django REST Framework",
  "ModelAdmin",
  "inline models",
  "admin actions",
  "Django signals",
  "ModelForm",
  "Jinja2",
  "Flask blueprints",
  "Flask-SQLAlchemy",
  "Flask-Migrate",
  "Flask-Login",
  "Flask-CORS",
  "Flask-JWT",
  "Flask-JWT-Extended",
  "BackgroundTasks",
  "UploadFile",
  "WebSocket",
  "Dependency Injection",
  "OpenAPI",
  "Swagger UI",
  "ReDoc",
  "CORS",
  "GZip",
  "Trusted Host",
  "asyncio",
  "TaskGroup",
  "aiohttp",
  "httpx",
  "aiofiles",
  "aiomysql",
  "requests library",
  "urllib3",
  "Connection Pooling",
  "Transactions",
  "N+1 queries",
  "eager loading",
  "REST APIs",
  "GraphQL",
  "Strawberry",
  "Ariadne",
  "Graphene",
  "DataLoader",
  "Marshmallow",
  "DRF serializers",
  "URL versioning",
  "Rate Limiting",
  "Token bucket",
  "sliding window",
  "slowapi",
  "Cursor-based pagination",
  "Offset pagination",
  "Multipart uploads",
  "S3 integration",
  "EmailStr",
  "HttpUrl",
  "pydantic-settings",
  "BaseSettings",
  "JWT",
  "PyJWT",
  "refresh tokens",
  "OAuth2",
  "client credentials",
  "social auth",
  "bcrypt",
  "argon2",
  "passlib",
  "password strength validation",
  "Server-side sessions",
  "RBAC",
  "API Keys",
  "CSRF protection",
  "XSS prevention",
  "SQL injection",
  "requests",
  "Celery",
  "beat scheduler",
  "RQ",
  "Dramatiq",
  "APScheduler",
  "arq",
  "Django Channels",
  "Socket.IO",
  "python-socketio",
  "Server-Sent Events",
  "NATS",
  "nats.py",
  "JetStream",
  "RabbitMQ",
  "pika",
  "aio-pika",
  "Kafka",
  "kafka-python",
  "aiokafka",
  "Redis Pub/Sub",
  "redis-py",
  "aioredis",
  "AWS SQS",
  "boto3",
  "aioboto3",
  "dead letter queues",
  "pandas",
  "NumPy",
  "Polars",
  "Dask",
  "Apache Arrow",
  "scikit-learn",
  "TensorFlow",
  "TF Serving",
  "PyTorch",
  "TorchServe",
  "Transformers",
  "Hugging Face",
  "LangChain",
  "OpenAI",
  "Redis",
  "Memcached",
  "pymemcache",
  "Cache-aside",
  "write-through",
  "cProfile",
  "line_profiler",
  "memory_profiler",
  "py-spy",
  "PyPy",
  "logging",
  "structlog",
  "correlation IDs",
  "Sentry",
  "Custom exceptions",
  "marshmallow",
  "python-dotenv",
  "Secrets Management",
  "pip-audit",
  "Safety check",
  "HTTPS",
  "dynaconf",
  "pip install",
  "Poetry",
  "pipenv",
  "conda",
  "setuptools",
  "flit",
  "hatch",
  "venv",
  "virtualenv",
  "dataclasses",
  "attrs",
  "Type hints",
  "TypedDict",
  "Context Managers",
  "Decorators",
  "Generators",
  "Comprehensions",
  "walrus operator",
  "Pattern Matching",
  "Exception Groups",
  "f-strings",
  "uvicorn",
  "gunicorn",
  "Docker",
  "docker-compose",
  "CI/CD pipeline",
  "health checks",
  "distributed tracing",
  "metrics",
  "Request/Response",
  "Forms",
  "Blueprints",
  "Configuration",
  "Synchronization",
  "Security",
  "Optimization",
  "Config Patterns",
  "pip",
  "Build Tools",
  "Class-based views",
  "custom signals",
  "Flask extensions",
  "User model",
  "@validator",
];

describe("vocabulary", () => {
  it.each(SEED_SYSTEMS)("recognises %s", (name) => {
    const { mentions } = readMentions(name === "requests" ? "the requests library" : name);
    expect(mentions.filter((m) => !m.negated).map((m) => m.term.id)).not.toEqual([]);
  });

  it("corrects misspelt product names, and leaves ordinary words alone", () => {
    const fix = (word: string) => correctSpelling(word, FUZZY_LEXICON, KNOWN_WORDS);
    expect(fix("djnago")).toBe("django");
    expect(fix("postgress")).toBe("postgres");
    expect(fix("celary")).toBe("celery");
    expect(fix("kuberentes")).toBe("kubernetes");
    expect(fix("authentification")).toBe("authentication");
    for (const word of [
      "postures",
      "posters",
      "docket",
      "locker",
      "polar",
      "https",
      "entry",
      "catching",
      "cellar",
    ]) {
      expect(fix(word), word).toBeUndefined();
    }
  });

  it("describes every feature it can produce", () => {
    for (const c of CASES) {
      for (const key of Object.keys(parseRequest(c.text).blueprint.features ?? {})) {
        expect(FEATURES[key], key).toBeDefined();
      }
    }
  });
});

describe("domain catalog", () => {
  const expected = [
    "ecommerce",
    "fulfillment",
    "chat",
    "blog",
    "projects",
    "todo",
    "inventory",
    "booking",
    "crm",
    "social",
    "iot",
    "helpdesk",
    "learning",
    "pipeline",
  ];

  it("covers the domains of the issue", () => {
    expect(DOMAINS.map((d) => d.id)).toEqual(expected);
  });

  it.each(DOMAINS.map((d) => [d.id, d] as const))(
    "%s is a valid, lint-clean project with and without auth",
    (_, domain) => {
      const withAuth = {
        name: domain.project,
        description: domain.description,
        auth: { kind: "jwt" as const, roles: [...domain.roles] },
        entities: domain.entities,
      };
      const open = {
        name: domain.project,
        auth: { kind: "none" as const },
        entities: withoutAuth(domain.entities),
      };
      for (const input of [withAuth, open]) {
        const bp = blueprintSchema.parse(input);
        expect(validateBlueprint(bp)).toEqual([]);
        const problems = lintTree(generateTree(bp), {
          pythonVersion: bp.python,
          firstParty: [bp.name, "tests"],
        });
        expect(problems.map((p) => `${p.path} ${p.diagnostic.code} ${p.diagnostic.message}`)).toEqual([]);
      }
    },
  );

  it.each(DOMAINS.map((d) => [d.id, d] as const))("%s is chosen from its trigger phrases", (_, domain) => {
    for (const trigger of domain.triggers) {
      const bp = blueprintSchema.parse(parseRequest(`an API for ${trigger}`).blueprint);
      expect(
        bp.entities.map((e) => e.name),
        trigger,
      ).toEqual(domain.entities.map((e) => e.name));
    }
  });

  it("gives every domain ownership, filters and sorting", () => {
    for (const domain of DOMAINS) {
      const fields = domain.entities.flatMap((e) => e.fields ?? []);
      expect(
        fields.some((f) => f.filter),
        domain.id,
      ).toBe(true);
      expect(
        fields.some((f) => f.sort),
        domain.id,
      ).toBe(true);
      if (domain.id !== "inventory" && domain.id !== "fulfillment" && domain.id !== "pipeline") {
        expect(
          domain.entities.some((e) => e.owned_by === "user"),
          domain.id,
        ).toBe(true);
      }
    }
  });
});
