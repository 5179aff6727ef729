/**
 * `tests/factories.py`: a factory_boy factory per entity (saved rows; owners and required references made
 * on the way, references sharing the owner) and a `<entity>_payload` builder of valid JSON bodies.
 */
import { entityByName, type ResolvedEntity, type ResolvedProject } from "../../../../blueprint/resolve.js";
import { Imports, pyModule } from "../../../python/imports.js";
import { pyStr } from "../../../python/literal.js";
import { capitalize, withArticle, words } from "../../../python/naming.js";
import { factorySample } from "../../../python/samples.js";
import { isUniqueField, needsOwner, payloadShape, sampleValues } from "../../fastapi/tests/factories.js";
import { enumClass } from "../fields.js";

export const factoryName = (entity: string): string => `${entity}Factory`;

export function factoriesModule(project: ResolvedProject): string {
  const pkg = project.name;
  const imports = new Imports().add(
    "itertools",
    "collections.abc:Callable",
    "typing:Any",
    "factory.declarations:LazyFunction",
    "factory.django:DjangoModelFactory",
    "factory.django:Password",
    `${pkg}.users.models:DEFAULT_ROLE`,
    `${pkg}.users.models:User`,
  );
  const blocks: string[] = [
    `# One sequence for factories and payloads, so their unique values never collide.
_sequence = itertools.count(1)

PASSWORD = "correct-horse-battery-staple"


def numbered(make: Callable[[int], object]) -> LazyFunction:
    """A factory value made from the next sequence number."""
    return LazyFunction(lambda: make(next(_sequence)))


class UserFactory(DjangoModelFactory[User]):
    """A saved user whose password is PASSWORD."""

    class Meta:
        model = User

    email = numbered(lambda n: f"user{n}@example.com")
    password = Password(PASSWORD)
    role = DEFAULT_ROLE`,
  ];
  if (project.auth) {
    imports.add("rest_framework_simplejwt.tokens:AccessToken");
    blocks.push(`def auth_headers(user: User) -> dict[str, str]:
    """Authorization header carrying an access token of the user."""
    return {"Authorization": f"Bearer {AccessToken.for_user(user)}"}`);
  }
  for (const entity of project.entities) {
    imports.add(`${pkg}.${entity.plural}.models:${entity.name}`);
    blocks.push(factoryClass(project, entity, imports));
    blocks.push(payloadFunction(project, entity));
  }
  return pyModule(
    "Test data: factory_boy factories of saved rows, and valid request bodies.",
    imports,
    blocks.join("\n\n\n"),
    [pkg, "tests"],
  );
}

function factoryClass(project: ResolvedProject, entity: ResolvedEntity, imports: Imports): string {
  const lines: string[] = [];
  for (const field of entity.fields) {
    const sample = factorySample(
      entity.name,
      field,
      isUniqueField(entity, field.name),
      ruleVariant(entity, field.name),
    );
    imports.add(...sample.imports);
    if (field.type === "enum")
      imports.add(`${project.name}.${entity.plural}.models:${enumClass(entity.name, field)}`);
    const value = sample.numbered
      ? `numbered(lambda n: ${sample.py})`
      : field.type === "json"
        ? `LazyFunction(lambda: ${sample.py})`
        : sample.py;
    lines.push(`${field.name} = ${value}`);
  }
  for (const link of entity.manyToOne.filter((l) => l.required && l.target !== entity.name)) {
    const target = entityByName(project, link.target);
    const owner = needsOwner(project, target) ? ', owner=SelfAttribute("..owner")' : "";
    imports.add("factory.declarations:SubFactory");
    if (owner) imports.add("factory.declarations:SelfAttribute");
    lines.push(`${link.name} = SubFactory(${factoryName(target.name)}${owner})`);
  }
  const needs = needsOwner(project, entity);
  if (needs) imports.add("factory.declarations:SubFactory");
  if (entity.owned) lines.push("owner = SubFactory(UserFactory)");
  const params =
    needs && !entity.owned
      ? [
          "",
          "class Params:",
          "    # Owner of the rows this one refers to.",
          "    owner = SubFactory(UserFactory)",
        ]
      : [];
  const body = ["class Meta:", `    model = ${entity.name}`, ...params, "", ...lines]
    .map((l) => (l ? `    ${l}` : ""))
    .join("\n");
  return `class ${factoryName(entity.name)}(DjangoModelFactory[${entity.name}]):
    """${capitalize(withArticle(words(entity.snake)))}, saved; ${needs ? "the owner and " : ""}required references are made unless given."""

${body}`;
}

/** Sample variant of a field in a cross-field rule (0 low, 2 high), so factory rows satisfy the rules. */
function ruleVariant(entity: ResolvedEntity, name: string): 0 | 2 | undefined {
  for (const check of entity.checks) {
    const fieldHigh = [">", ">=", "!="].includes(check.op);
    if (check.field === name) return fieldHigh ? 2 : 0;
    if (check.other === name) return fieldHigh ? 0 : 2;
  }
  return undefined;
}

function payloadFunction(project: ResolvedProject, entity: ResolvedEntity): string {
  const samples = sampleValues(entity, true);
  const shape = payloadShape(project, entity);
  const refs: string[] = [];
  for (const link of entity.manyToOne.filter((l) => l.required && l.target !== entity.name)) {
    const target = entityByName(project, link.target);
    const owner = needsOwner(project, target) ? "owner=owner" : "";
    refs.push(
      `    if ${pyStr(link.column)} not in overrides:`,
      `        payload[${pyStr(link.column)}] = ${factoryName(target.name)}.create(${owner}).id`,
    );
  }
  const signature = shape.owner
    ? `def ${entity.snake}_payload(*, owner: User, **overrides: object)`
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
