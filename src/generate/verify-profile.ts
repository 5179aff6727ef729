/**
 * The `[tool.python-specialist]` table every target writes into the generated pyproject.toml: how
 * `python-specialist verify` serves, migrates and administers the project (read by src/verify/profile.ts).
 */
export interface VerifyProfile {
  readonly framework: string;
  /** argv run inside the project's virtualenv; `{port}` is filled in. */
  readonly serve: readonly string[];
  readonly migrate: readonly string[];
  readonly checkMigrations: readonly string[];
  /** `{email}` is filled in, the password comes on stdin; absent without auth. */
  readonly createAdmin?: readonly string[];
  /** The URL scheme DATABASE_URL takes per database, e.g. `postgresql+asyncpg`. */
  readonly drivers: { readonly sqlite: string; readonly postgresql: string };
}

const argv = (words: readonly string[]): string => `[${words.map((w) => JSON.stringify(w)).join(", ")}]`;

export function verifyProfileToml(profile: VerifyProfile): string {
  return [
    "# How `python-specialist verify` runs this project; {port} and {email} are filled in.",
    "[tool.python-specialist]",
    `framework = "${profile.framework}"`,
    `serve = ${argv(profile.serve)}`,
    `migrate = ${argv(profile.migrate)}`,
    `check-migrations = ${argv(profile.checkMigrations)}`,
    ...(profile.createAdmin ? [`create-admin = ${argv(profile.createAdmin)}`] : []),
    'openapi = "/openapi.json"',
    `database-drivers = { sqlite = "${profile.drivers.sqlite}", postgresql = "${profile.drivers.postgresql}" }`,
  ].join("\n");
}
