/**
 * Feature `auth` (JWT) for Flask: users with argon2-hashed passwords and roles, OAuth2 password-form login,
 * access and refresh tokens from Flask-JWT-Extended (HS256 pinned, its errors in the shared JSON shape),
 * login throttling, `/auth/me`, guards for 401/403, and the `flask create-admin` command. Same HTTP
 * behaviour and settings as the FastAPI feature.
 */
import type { ResolvedProject } from "../../../../blueprint/resolve.js";
import type { ProjectModel, TableDef } from "../../../project-model.js";
import { pyStr } from "../../../python/literal.js";
import { TIMESTAMPS } from "../../../targets/fastapi/entity/table.js";
import {
  authModule,
  securityModule,
  throttleModule,
  usersCli,
  usersModels,
  usersRoutes,
  usersSchemas,
  usersService,
} from "./modules.js";
import { flaskAuthTests } from "./tests.js";

export const DEV_SECRET = "development-only-secret-change-me";

export function contributeFlaskAuth(model: ProjectModel, project: ResolvedProject): void {
  if (!project.auth) return;
  const { pkg } = model;
  const { blueprint } = project;
  model.addDependency("flask-jwt-extended", ">=4.7,<5");
  model.addDependency("pyjwt", ">=2.10,<3");
  model.addDependency("argon2-cffi", ">=25.1");
  model.addSetting({
    name: "jwt_secret",
    type: "SecretStr",
    default: `SecretStr(${pyStr(DEV_SECRET)})`,
    example: "change-me-to-a-long-random-string-of-32-or-more-characters",
    doc: "Key that signs tokens: 32+ random characters (production refuses the default).",
    imports: ["pydantic:SecretStr"],
  });
  model.addSetting({
    name: "access_token_minutes",
    type: "int",
    default: String(blueprint.auth.access_token_minutes),
    example: String(blueprint.auth.access_token_minutes),
    doc: "Lifetime of access tokens.",
  });
  model.addSetting({
    name: "refresh_token_days",
    type: "int",
    default: String(blueprint.auth.refresh_token_days),
    example: String(blueprint.auth.refresh_token_days),
    doc: "Lifetime of refresh tokens.",
  });
  model.addSetting({
    name: "login_max_failures",
    type: "int",
    default: "5",
    example: "5",
    doc: "Failed logins per client and email before logins are refused for a while.",
  });
  model.addSetting({
    name: "login_lockout_seconds",
    type: "int",
    default: "300",
    example: "300",
    doc: "Window in which failed logins are counted, and how long the lockout lasts.",
  });
  model.productionChecks.push({
    condition: `self.jwt_secret.get_secret_value() == ${pyStr(DEV_SECRET)} or len(self.jwt_secret.get_secret_value()) < 32`,
    message: "JWT_SECRET must be set to a random value of 32+ characters in production",
  });
  const src = `src/${pkg}`;
  model.tree.add(`${src}/security.py`, securityModule());
  model.tree.add(`${src}/users/__init__.py`, `"""Users, roles and authentication."""\n`);
  model.tree.add(`${src}/users/models.py`, usersModels(pkg, project.roles));
  model.tree.add(`${src}/users/schemas.py`, usersSchemas(pkg));
  model.tree.add(`${src}/users/auth.py`, authModule(pkg));
  model.tree.add(`${src}/users/service.py`, usersService(pkg));
  model.tree.add(`${src}/users/routes.py`, usersRoutes(pkg));
  model.tree.add(`${src}/users/throttle.py`, throttleModule(pkg));
  model.tree.add(`${src}/users/cli.py`, usersCli(pkg));
  model.routers.push({ module: `${pkg}.users.routes`, alias: "users_blueprint" });
  model.modelModules.push(`${pkg}.users.models`);
  model.tables.push(usersTable(project.roles));
  for (const [path, content] of flaskAuthTests(pkg)) model.tree.add(path, content);
  model.readme.push({
    title: "Authentication",
    body: `Register with \`POST /auth/register\`, log in with \`POST /auth/login\` (OAuth2 password form: \`username\` is the email) to get an access and a refresh token, send \`Authorization: Bearer <access token>\`, renew with \`POST /auth/refresh\`. New users get the role \`${project.roles[1]}\`; \`${project.roles[0]}\` may do everything. Create or promote an administrator (the password is read from the terminal) with:

\`\`\`
uv run flask --app ${pkg}.app create-admin admin@example.com
\`\`\``,
  });
}

/** The users table as the models declare it (the same columns as the FastAPI target's). */
function usersTable(roles: readonly string[]): TableDef {
  const length = Math.max(...roles.map((r) => r.length));
  return {
    name: "users",
    columns: [
      { name: "id", type: "sa.Integer()", nullable: false },
      { name: "email", type: "sa.String(length=320)", nullable: false },
      { name: "password_hash", type: "sa.String(length=255)", nullable: false },
      { name: "full_name", type: "sa.String(length=200)", nullable: true },
      {
        name: "role",
        type: `sa.Enum(${roles.map(pyStr).join(", ")}, name="role", native_enum=False, length=${length})`,
        nullable: false,
      },
      { name: "is_active", type: "sa.Boolean()", nullable: false },
      ...TIMESTAMPS,
    ],
    primaryKey: ["id"],
    foreignKeys: [],
    uniques: [["email"]],
    indexes: [],
  };
}
