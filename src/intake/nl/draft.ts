/** The reading being built: what was understood and assumed, and the settings and features asked for. */
import type { Mention } from "./mentions.js";
import {
  type BackendId,
  type DatabaseId,
  FEATURES,
  type FrameworkId,
  labelOf,
  type Meaning,
  type Options,
  type OptionValue,
} from "./vocabulary.js";

export type FeatureOptions = Record<string, OptionValue>;

export class Draft {
  /** What was understood → the phrases it was understood from. */
  private readonly lines = new Map<string, string[]>();
  readonly assumptions: string[] = [];
  readonly features = new Map<string, FeatureOptions>();
  readonly negatedFeatures = new Set<string>();
  readonly negatedBackends = new Set<BackendId>();
  frameworks: { id: FrameworkId; weak: boolean; text: string }[] = [];
  negatedFrameworks = new Set<FrameworkId>();
  databases: { id: DatabaseId; text: string }[] = [];
  negatedDatabases = new Set<DatabaseId>();
  authAsked: string[] = [];
  authRefused: string[] = [];
  rolesAsked = false;
  deploy: { docker?: boolean; ci?: boolean } = {};
  pagination: "offset" | "cursor" | undefined;
  realtimeAsked = false;
  scheduledAsked = false;
  validationAsked = false;
  backends: { id: BackendId; text: string }[] = [];
  providers: { provider: string; mention: Mention }[] = [];
  /** Options that apply only if their feature is asked for ("subscriptions" without GraphQL means nothing). */
  pending: { mention: Mention; meaning: Extract<Meaning, { kind: "option" }> }[] = [];

  note(line: string): void {
    if (!this.lines.has(line)) this.lines.set(line, []);
  }

  /** Understood `line` from a phrase of the request; the same meaning from several phrases is one line. */
  heard(line: string, mention: Mention): void {
    const sources = this.lines.get(line) ?? [];
    const fixes = mention.corrections.map(([typed, read]) => ` ("${typed}" read as "${read}")`).join("");
    const source = `"${mention.text}"${fixes}`;
    if (!sources.includes(source)) sources.push(source);
    this.lines.set(line, sources);
  }

  get understood(): string[] {
    return [...this.lines].map(([line, sources]) =>
      sources.length ? `${line} (from ${sources.join(", ")})` : line,
    );
  }

  assume(line: string): void {
    if (!this.assumptions.includes(line)) this.assumptions.push(line);
  }

  addFeature(name: string, options: Options = {}): FeatureOptions {
    const existing = this.features.get(name);
    if (!existing) {
      const created: FeatureOptions = {};
      this.features.set(name, created);
      this.merge(name, created, options);
      return created;
    }
    this.merge(name, existing, options);
    return existing;
  }

  merge(name: string, into: FeatureOptions, options: Options): void {
    for (const [key, value] of Object.entries(options)) {
      const current = into[key];
      if (current === undefined) {
        into[key] = Array.isArray(value) ? [...value] : value;
      } else if (Array.isArray(current) && Array.isArray(value)) {
        into[key] = [...new Set([...current, ...value])];
      } else if (typeof current === "boolean" && typeof value === "boolean") {
        into[key] = current || value;
      } else if (current !== value) {
        this.assume(
          `several ${key.replace(/_/g, " ")}s named for ${FEATURES[name]?.title ?? name} (${labelOf(String(current))}, ${labelOf(String(value))}): using ${labelOf(String(current))}`,
        );
      }
    }
  }
}

export function featureTitle(name: string): string {
  return FEATURES[name]?.title ?? name.replace(/_/g, " ");
}

export function frameworkLabel(id: FrameworkId): string {
  return { fastapi: "FastAPI", django: "Django", flask: "Flask" }[id];
}

export const DATABASE_LABELS: Readonly<Record<DatabaseId, string>> = {
  sqlite: "SQLite",
  postgresql: "PostgreSQL",
  mysql: "MySQL",
  mongodb: "MongoDB",
};
