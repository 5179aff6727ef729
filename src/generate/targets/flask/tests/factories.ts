/**
 * `tests/factories.py` of a Flask project: one `create_<entity>` (a saved row) and one `<entity>_payload` (a
 * valid JSON body) per entity, on a plain SQLAlchemy session; samples as the FastAPI target's factories.
 */

import { entityByName, type ResolvedEntity, type ResolvedProject } from "../../../../blueprint/resolve.js";
import { enumClassName } from "../../../python/fields.js";
import { Imports, pyModule } from "../../../python/imports.js";
import { pyStr } from "../../../python/literal.js";
import { capitalize, withArticle, words } from "../../../python/naming.js";
import { needsOwner, payloadShape, sampleValues } from "../../fastapi/tests/factories.js";

export function flaskFactoriesModule(project: ResolvedProject): string {
  const pkg = project.name;
  const imports = new Imports().add("itertools", "typing:Any", "sqlalchemy.orm:Session");
  const blocks: string[] = ["_sequence = itertools.count(1)"];
  if (project.auth) {
    imports.add(
      "flask:Flask",
      "flask_jwt_extended:create_access_token",
      `${pkg}.security:hash_password`,
      `${pkg}.users.models:DEFAULT_ROLE`,
      `${pkg}.users.models:Role`,
      `${pkg}.users.models:User`,
    );
    blocks.push(`PASSWORD = "correct-horse-battery-staple"
# Hashing is deliberately slow: hash the shared test password once.
_PASSWORD_HASH = hash_password(PASSWORD)


def create_user(session: Session, *, role: Role = DEFAULT_ROLE, is_active: bool = True) -> User:
    """A saved user whose password is PASSWORD."""
    user = User(
        email=f"user{next(_sequence)}@example.com",
        password_hash=_PASSWORD_HASH,
        role=role,
        is_active=is_active,
    )
    session.add(user)
    session.commit()
    return user


def auth_headers(app: Flask, user: User) -> dict[str, str]:
    """Authorization header carrying an access token of the user, signed with the app's key."""
    with app.app_context():
        token = create_access_token(identity=str(user.id))
    return {"Authorization": f"Bearer {token}"}`);
  }
  for (const entity of project.entities) {
    imports.add(`${pkg}.${entity.plural}.models:${entity.name}`);
    blocks.push(createFactory(project, entity, imports));
    blocks.push(payloadFactory(project, entity));
  }
  return pyModule("Test data: saved rows and valid request bodies.", imports, blocks.join("\n\n\n"), [
    pkg,
    "tests",
  ]);
}

function ownerParam(project: ResolvedProject, entity: ResolvedEntity): { param: string; arg: string } {
  return needsOwner(project, entity)
    ? { param: ", owner: User", arg: ", owner=owner" }
    : { param: "", arg: "" };
}

function referenceLines(project: ResolvedProject, entity: ResolvedEntity, target: string): string[] {
  const lines: string[] = [];
  for (const link of entity.manyToOne.filter((l) => l.required && l.target !== entity.name)) {
    const linked = entityByName(project, link.target);
    const { arg } = ownerParam(project, linked);
    lines.push(
      `    if ${pyStr(link.column)} not in overrides:`,
      `        ${target}[${pyStr(link.column)}] = create_${linked.snake}(session${arg}).id`,
    );
  }
  return lines;
}

function createFactory(project: ResolvedProject, entity: ResolvedEntity, imports: Imports): string {
  const { param } = ownerParam(project, entity);
  const samples = sampleValues(entity, false);
  imports.add(...samples.imports);
  for (const field of entity.fields.filter((f) => f.type === "enum")) {
    imports.add(`${project.name}.${entity.plural}.models:${enumClassName(entity.name, field)}`);
  }
  const values = [...samples.values];
  if (entity.owned) values.push('"owner_id": owner.id');
  const lines = [
    ...(samples.usesN ? ["    n = next(_sequence)"] : []),
    `    values: dict[str, Any] = {${values.join(", ")}}`,
    ...referenceLines(project, entity, "values"),
    "    values.update(overrides)",
    `    ${entity.snake} = ${entity.name}(**values)`,
    `    session.add(${entity.snake})`,
    "    session.commit()",
    `    return ${entity.snake}`,
  ];
  return `def create_${entity.snake}(session: Session${param}, **overrides: object) -> ${entity.name}:
    """${capitalize(withArticle(words(entity.snake)))}, saved; required references are created unless given."""
${lines.join("\n")}`;
}

function payloadFactory(project: ResolvedProject, entity: ResolvedEntity): string {
  const samples = sampleValues(entity, true);
  const refs = referenceLines(project, entity, "payload");
  const shape = payloadShape(project, entity);
  // `async` in the FastAPI target means: saves referenced rows first, so it takes the session.
  const signature = shape.async
    ? `def ${entity.snake}_payload(session: Session${shape.owner ? ", *, owner: User" : ""}, **overrides: object)`
    : `def ${entity.snake}_payload(**overrides: object)`;
  const lines = [
    ...(samples.usesN ? ["    n = next(_sequence)"] : []),
    `    payload: dict[str, Any] = {${samples.values.join(", ")}}`,
    ...refs,
    "    payload.update(overrides)",
    "    return payload",
  ];
  return `${signature} -> dict[str, Any]:
    """A valid JSON body to create ${withArticle(words(entity.snake))}${refs.length ? " (referenced rows are saved first)" : ""}."""
${lines.join("\n")}`;
}
