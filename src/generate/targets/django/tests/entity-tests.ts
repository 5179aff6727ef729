/**
 * `tests/<app>/test_<app>.py`: the API tests of one entity, the same cases as the FastAPI target's — CRUD
 * round trip, validation, references, uniqueness, rules, 404, paging, filters, sorting, constant query
 * count, and who may do what — written for pytest-django, DRF's APIClient and factory_boy.
 */
import { entityByName } from "../../../../blueprint/resolve.js";
import type { Field } from "../../../../blueprint/schema.js";
import { Imports, pyModule } from "../../../python/imports.js";
import { pyStr, pyTuple } from "../../../python/literal.js";
import { capitalize, words } from "../../../python/naming.js";
import { fixedSample, invalidSample } from "../../../python/samples.js";
import type { EntityContext } from "../../fastapi/entity/context.js";
import { idsName } from "../../fastapi/entity/schemas.js";
import { deleteRuleOf } from "../../fastapi/tests/delete-rules.js";
import { childOwnerParam, isUniqueField, needsOwner, payloadShape } from "../../fastapi/tests/factories.js";
import { enumClass } from "../fields.js";
import { factoryName } from "./factories.js";

interface TestContext extends EntityContext {
  readonly imports: Imports;
  readonly writer: string;
  readonly writerHeaders: string;
  readonly reader: string;
  readonly readerHeaders: string;
  readonly ownerFixture: string;
}

export function entityTestsModule(ctx: EntityContext): string {
  const t = testContext(ctx);
  const tests = [
    createTest(t),
    missingFieldTest(t),
    invalidFieldTest(t),
    unknownReferenceTest(t),
    duplicateTest(t),
    rulesTest(t),
    notFoundTest(t),
    paginationTest(t),
    filterTest(t),
    sortTest(t),
    queryCountTest(t),
    updateTest(t),
    nullUpdateTest(t),
    manyToManyUpdateTest(t),
    selfReferenceTest(t),
    deleteTest(t),
    deleteRuleTest(t),
    ...permissionTests(t),
  ].filter((test): test is string => Boolean(test));
  return pyModule(
    `${ctx.entity.name} API: CRUD, validation, paging, filters and permissions.`,
    t.imports,
    tests.join("\n\n\n"),
    [ctx.pkg, "tests"],
  );
}

function testContext(ctx: EntityContext): TestContext {
  const imports = new Imports().add("rest_framework.test:APIClient");
  const headersType = "dict[str, str]";
  const writerRole = !ctx.auth
    ? undefined
    : ctx.entity.owned || ctx.entity.write === "authenticated"
      ? "user"
      : "admin";
  const readerRole = ctx.auth ? "user" : undefined;
  const needsUser = needsOwner(ctx.project, ctx.entity);
  if (needsUser) imports.add(`${ctx.pkg}.users.models:User`);
  const owner = needsUser ? ", user: User" : "";
  return {
    ...ctx,
    imports,
    writer: `client: APIClient${writerRole ? `, ${writerRole}_headers: ${headersType}` : ""}${owner}`,
    writerHeaders: writerRole ? `, headers=${writerRole}_headers` : "",
    reader: `client: APIClient${readerRole ? `, ${readerRole}_headers: ${headersType}` : ""}${owner}`,
    readerHeaders: readerRole ? `, headers=${readerRole}_headers` : "",
    ownerFixture: needsUser ? "user" : "",
  };
}

function factoryCall(t: TestContext, overrides = ""): string {
  t.imports.add(`tests.factories:${factoryName(t.entity.name)}`);
  const args = [t.ownerFixture ? `owner=${t.ownerFixture}` : "", overrides].filter(Boolean);
  return `${factoryName(t.entity.name)}.create(${args.join(", ")})`;
}

function payloadCall(t: TestContext, overrides = ""): string {
  t.imports.add(`tests.factories:${t.var}_payload`);
  const shape = payloadShape(t.project, t.entity);
  const args = [shape.owner ? "owner=user" : "", overrides].filter(Boolean);
  return `${t.var}_payload(${args.join(", ")})`;
}

function comparedKeys(t: TestContext): string[] {
  return [
    ...t.entity.fields.filter((f) => f.type !== "datetime").map((f) => f.name),
    ...t.entity.manyToOne.filter((l) => l.required).map((l) => l.column),
  ];
}

function createTest(t: TestContext): string {
  const keys = comparedKeys(t);
  const compare = keys.length
    ? `\n    assert {key: created[key] for key in ${pyTuple(keys)}} == {key: payload[key] for key in ${pyTuple(keys)}}`
    : "";
  const owner = t.entity.owned ? '\n    assert created["owner_id"] == user.id' : "";
  return `def test_create_${t.var}_then_get_it(${t.writer}) -> None:
    payload = ${payloadCall(t)}

    response = client.post("/${t.plural}", payload${t.writerHeaders})

    assert response.status_code == 201, response.content
    created = response.json()${compare}${owner}
    fetched = client.get(f"/${t.plural}/{created['id']}"${t.writerHeaders})
    assert fetched.status_code == 200
    assert fetched.json() == created`;
}

function missingFieldTest(t: TestContext): string | undefined {
  const field = t.entity.fields.find((f) => f.required && f.default === undefined);
  if (!field) return undefined;
  return `def test_create_without_${field.name}_is_422(${t.writer}) -> None:
    payload = ${payloadCall(t)}
    del payload[${pyStr(field.name)}]

    response = client.post("/${t.plural}", payload${t.writerHeaders})

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", ${pyStr(field.name)}] in [detail["loc"] for detail in error["details"]]`;
}

function invalidFieldTest(t: TestContext): string | undefined {
  for (const field of t.entity.fields) {
    const invalid = invalidSample(field);
    if (!invalid) continue;
    return `def test_create_with_invalid_${field.name}_is_422(${t.writer}) -> None:
    """${capitalize(words(field.name))} ${invalid.why} is rejected."""
    payload = ${payloadCall(t, `${field.name}=${invalid.json}`)}

    response = client.post("/${t.plural}", payload${t.writerHeaders})

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", ${pyStr(field.name)}]`;
  }
  return undefined;
}

function unknownReferenceTest(t: TestContext): string | undefined {
  const link = t.entity.manyToOne[0];
  if (!link) return undefined;
  return `def test_create_with_unknown_${link.name}_is_422(${t.writer}) -> None:
    payload = ${payloadCall(t, `${link.column}=2_000_000_000`)}

    response = client.post("/${t.plural}", payload${t.writerHeaders})

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"] == ["body", ${pyStr(link.column)}]`;
}

function columnName(t: TestContext, name: string): string {
  return t.entity.manyToOne.some((l) => l.name === name) ? `${name}_id` : name;
}

function duplicateTest(t: TestContext): string | undefined {
  const field = t.entity.fields.find((f) => f.unique);
  const group = t.entity.uniqueTogether[0];
  const columns = field ? [field.name] : group ? group.map((c) => columnName(t, c)) : [];
  if (columns.length === 0) return undefined;
  const jsonOverrides = columns
    .map((c) => {
      const f = t.entity.fields.find((x) => x.name === c);
      return f && ["decimal", "date", "datetime"].includes(f.type)
        ? `${c}=str(existing.${c})`
        : `${c}=existing.${c}`;
    })
    .join(", ");
  return `def test_create_duplicate_${columns.join("_")}_is_409(${t.writer}) -> None:
    existing = ${factoryCall(t)}
    payload = ${payloadCall(t, jsonOverrides)}

    response = client.post("/${t.plural}", payload${t.writerHeaders})

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"`;
}

function rulesTest(t: TestContext): string | undefined {
  const check = t.entity.checks[0];
  if (!check) return undefined;
  const a = t.entity.fields.find((f) => f.name === check.field);
  const b = t.entity.fields.find((f) => f.name === check.other);
  if (!a || !b) return undefined;
  const strict = [">", "<", "!="].includes(check.op);
  const low = fixedSample(t.entity.name, a, 0).json;
  const high = fixedSample(t.entity.name, a, 2).json;
  const [left, right] = strict ? [low, low] : check.op === ">=" ? [low, high] : [high, low];
  const op = { ">": "gt", ">=": "ge", "<": "lt", "<=": "le", "!=": "ne" }[check.op] ?? "op";
  return `def test_rule_${check.field}_${op}_${check.other}_is_enforced(${t.writer}) -> None:
    payload = ${payloadCall(t, `${check.field}=${left}, ${check.other}=${right}`)}

    created = client.post("/${t.plural}", payload${t.writerHeaders})
    existing = ${factoryCall(t)}
    updated = client.patch(
        f"/${t.plural}/{existing.id}", {${pyStr(check.field)}: ${left}, ${pyStr(check.other)}: ${right}}${t.writerHeaders}
    )

    assert created.status_code == 422
    assert updated.status_code == 422`;
}

function notFoundTest(t: TestContext): string {
  return `def test_get_missing_${t.var}_is_404(${t.reader}) -> None:
    response = client.get("/${t.plural}/2000000000"${t.readerHeaders})
    invalid = client.get("/${t.plural}/not-a-number"${t.readerHeaders})

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert invalid.status_code == 422
    assert invalid.json()["error"]["details"][0]["loc"] == ["path", "${t.idParam}"]`;
}

function paginationTest(t: TestContext): string {
  const rows = `    for _ in range(3):\n        ${factoryCall(t)}`;
  if (t.entity.pagination === "cursor") {
    return `def test_list_${t.plural}_pages_with_a_cursor(${t.reader}) -> None:
${rows}

    first = client.get("/${t.plural}", {"limit": 2}${t.readerHeaders}).json()
    second = client.get("/${t.plural}", {"limit": 2, "cursor": first["next_cursor"]}${t.readerHeaders}).json()
    invalid = client.get("/${t.plural}", {"cursor": "not-a-cursor"}${t.readerHeaders})

    assert len(first["items"]) == 2
    assert len(second["items"]) == 1
    assert second["next_cursor"] is None
    assert first["items"][-1]["id"] < second["items"][0]["id"]
    assert invalid.status_code == 422`;
  }
  return `def test_list_${t.plural}_pages_with_offset_and_limit(${t.reader}) -> None:
${rows}

    response = client.get("/${t.plural}", {"offset": 1, "limit": 2}${t.readerHeaders})
    too_large = client.get("/${t.plural}", {"limit": 101}${t.readerHeaders})
    unknown = client.get("/${t.plural}", {"no_such_filter": 1}${t.readerHeaders})

    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)
    assert too_large.status_code == 422
    assert unknown.json()["error"]["details"][0]["loc"] == ["query", "no_such_filter"]`;
}

function filterTest(t: TestContext): string | undefined {
  const fieldFilters = t.filters.filter((f) => f.field);
  if (fieldFilters.length === 0) return undefined;
  const matchValues: string[] = [];
  const otherValues: string[] = [];
  const params: string[] = [];
  for (const field of new Set(fieldFilters.map((f) => f.field as Field))) {
    const a = fixedSample(t.entity.name, field, 0);
    const c = fixedSample(t.entity.name, field, field.type === "bool" ? 1 : 2);
    t.imports.add(...a.imports);
    matchValues.push(`${field.name}=${enumValue(t, field, a.py)}`);
    otherValues.push(`${field.name}=${enumValue(t, field, c.py)}`);
    for (const filter of fieldFilters.filter((f) => f.field === field))
      params.push(`${pyStr(filter.param)}: ${queryValue(field, a.json)}`);
  }
  return `def test_list_${t.plural}_filters(${t.reader}) -> None:
    """Every filter at once: only the matching row remains."""
    wanted = ${factoryCall(t, matchValues.join(", "))}
    ${factoryCall(t, otherValues.join(", "))}

    response = client.get("/${t.plural}", {${params.join(", ")}}${t.readerHeaders})

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [wanted.id]`;
}

/** A sample's JSON form as a query string value. */
function queryValue(field: Field, json: string): string {
  if (field.type === "bool") return json === "True" ? '"true"' : '"false"';
  return json.startsWith('"') ? json : pyStr(json);
}

/** A sample's Python form; enum members come from the model's TextChoices class. */
function enumValue(t: TestContext, field: Field, py: string): string {
  if (field.type === "enum") t.imports.add(`${t.module}.models:${enumClass(t.entity.name, field)}`);
  return py;
}

function sortTest(t: TestContext): string | undefined {
  const field = t.sortable.find((f) => f.type !== "bool" && f.type !== "json");
  if (!field || t.entity.pagination !== "offset") return undefined;
  const samples = ([2, 0, 1] as const).map((v) => fixedSample(t.entity.name, field, v));
  t.imports.add(...samples.flatMap((s) => s.imports));
  const rows = samples
    .map((s) => `    ${factoryCall(t, `${field.name}=${enumValue(t, field, s.py)}`)}`)
    .join("\n");
  return `def test_list_${t.plural}_sorts_by_${field.name}(${t.reader}) -> None:
${rows}

    ascending = client.get("/${t.plural}", {"sort": ${pyStr(field.name)}}${t.readerHeaders}).json()
    descending = client.get("/${t.plural}", {"sort": ${pyStr(`-${field.name}`)}}${t.readerHeaders}).json()

    values = [item[${pyStr(field.name)}] for item in ascending["items"]]
    assert values == sorted(values)
    assert [item[${pyStr(field.name)}] for item in descending["items"]] == sorted(values, reverse=True)`;
}

function queryCountTest(t: TestContext): string {
  t.imports.add("django.db:connection", "django.test.utils:CaptureQueriesContext");
  return `def test_list_${t.plural}_query_count_does_not_grow_with_the_page(${t.reader}) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    ${factoryCall(t)}
    with CaptureQueriesContext(connection) as one_row:
        client.get("/${t.plural}"${t.readerHeaders})
    for _ in range(3):
        ${factoryCall(t)}
    with CaptureQueriesContext(connection) as four_rows:
        client.get("/${t.plural}"${t.readerHeaders})

    assert len(one_row) > 0
    assert len(four_rows) == len(one_row)`;
}

function updatableField(t: TestContext): Field | undefined {
  const inRules = new Set(t.entity.checks.flatMap((c) => [c.field, c.other]));
  const changeable = t.entity.fields.filter(
    (f) => !inRules.has(f.name) && f.type !== "json" && f.pattern === undefined,
  );
  return changeable.find((f) => !isUniqueField(t.entity, f.name)) ?? changeable[0];
}

function updateTest(t: TestContext): string | undefined {
  const field = updatableField(t);
  if (!field) return undefined;
  const value = fixedSample(t.entity.name, field, 1);
  const compare =
    field.type === "datetime"
      ? "is not None"
      : field.type === "bool"
        ? `is ${value.json}`
        : `== ${value.json}`;
  const untouched = t.entity.fields.find((f) => f !== field && f.type !== "datetime");
  const untouchedCheck = untouched
    ? `\n    assert response.json()[${pyStr(untouched.name)}] == before[${pyStr(untouched.name)}]`
    : "";
  const before = untouched
    ? `\n    before = client.get(f"/${t.plural}/{existing.id}"${t.writerHeaders}).json()`
    : "";
  return `def test_update_${t.var}_changes_only_sent_fields(${t.writer}) -> None:
    existing = ${factoryCall(t)}${before}

    response = client.patch(f"/${t.plural}/{existing.id}", {${pyStr(field.name)}: ${value.json}}${t.writerHeaders})

    assert response.status_code == 200, response.content
    assert response.json()[${pyStr(field.name)}] ${compare}${untouchedCheck}`;
}

function nullUpdateTest(t: TestContext): string | undefined {
  const field = t.entity.fields.find((f) => f.required);
  if (!field) return undefined;
  return `def test_update_${field.name}_to_null_is_422(${t.writer}) -> None:
    existing = ${factoryCall(t)}

    response = client.patch(f"/${t.plural}/{existing.id}", {${pyStr(field.name)}: None}${t.writerHeaders})
    unknown = client.patch(f"/${t.plural}/{existing.id}", {"id": 1}${t.writerHeaders})

    assert response.status_code == 422
    assert unknown.status_code == 422`;
}

function manyToManyUpdateTest(t: TestContext): string | undefined {
  const link = t.entity.manyToMany[0];
  if (!link) return undefined;
  const target = entityByName(t.project, link.target);
  const owner = needsOwner(t.project, target) ? "owner=user" : "";
  t.imports.add(`tests.factories:${factoryName(target.name)}`);
  const ids = idsName(link.name);
  return `def test_update_${t.var}_replaces_${link.name}(${t.writer}) -> None:
    existing = ${factoryCall(t)}
    first = ${factoryName(target.name)}.create(${owner})
    second = ${factoryName(target.name)}.create(${owner})

    linked = client.patch(f"/${t.plural}/{existing.id}", {${pyStr(ids)}: [second.id, first.id]}${t.writerHeaders})
    unknown = client.patch(f"/${t.plural}/{existing.id}", {${pyStr(ids)}: [2_000_000_000]}${t.writerHeaders})

    assert linked.status_code == 200, linked.content
    assert [item["id"] for item in linked.json()[${pyStr(link.name)}]] == [first.id, second.id]
    assert unknown.status_code == 422`;
}

function selfReferenceTest(t: TestContext): string | undefined {
  const link = t.entity.manyToOne.find((l) => l.target === t.entity.name);
  if (!link) return undefined;
  return `def test_${t.var}_cannot_be_its_own_${link.name}(${t.writer}) -> None:
    existing = ${factoryCall(t)}

    response = client.patch(f"/${t.plural}/{existing.id}", {${pyStr(link.column)}: existing.id}${t.writerHeaders})

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"] == ["body", ${pyStr(link.column)}]`;
}

function deleteTest(t: TestContext): string {
  return `def test_delete_${t.var}(${t.writer}) -> None:
    existing = ${factoryCall(t)}

    deleted = client.delete(f"/${t.plural}/{existing.id}"${t.writerHeaders})
    again = client.get(f"/${t.plural}/{existing.id}"${t.writerHeaders})

    assert deleted.status_code == 204
    assert again.status_code == 404`;
}

/** Deleting a parent applies the children's `on_delete` (see delete-rules.ts). */
function deleteRuleTest(t: TestContext): string | undefined {
  const rule = deleteRuleOf(t.project, t.entity);
  if (!rule) return undefined;
  const { child, back } = rule;
  const extraUser = childOwnerParam(t, rule.childOwned);
  t.imports.add(
    `tests.factories:${factoryName(child.name)}`,
    `${t.pkg}.${child.plural}.models:${child.name}`,
  );
  const childOwner = rule.childOwned ? "owner=user, " : "";
  const remaining = `${child.name}.objects.filter(pk=child.pk)`;
  const column = `${remaining}.values_list(${pyStr(back.column)}, flat=True).get()`;
  const expectation =
    back.onDelete === "RESTRICT"
      ? `assert ${column} == existing.id`
      : back.onDelete === "SET NULL"
        ? `assert ${column} is None`
        : `assert not ${remaining}.exists()`;
  return `def ${rule.name}(${t.writer}${extraUser}) -> None:
    existing = ${factoryCall(t)}
    child = ${factoryName(child.name)}.create(${childOwner}${back.name}=existing)

    deleted = client.delete(f"/${t.plural}/{existing.id}"${t.writerHeaders})

    assert deleted.status_code == ${rule.status}
    ${expectation}`;
}

function permissionTests(t: TestContext): string[] {
  if (!t.auth) return [];
  const tests: string[] = [];
  const anonymous = t.entity.read === "public" ? "post" : "get";
  tests.push(`def test_${t.plural}_require_authentication(client: APIClient) -> None:
    response = client.${anonymous}("/${t.plural}"${anonymous === "post" ? ", {}" : ""})

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"`);
  if (!t.entity.owned && t.entity.write === "admin") {
    const shape = payloadShape(t.project, t.entity);
    const userParam = shape.owner || needsOwner(t.project, t.entity) ? ", user: User" : "";
    if (userParam) t.imports.add(`${t.pkg}.users.models:User`);
    tests.push(`def test_${t.plural}_write_requires_admin(client: APIClient, user_headers: dict[str, str]${userParam}) -> None:
    payload = ${payloadCall(t)}

    response = client.post("/${t.plural}", payload, headers=user_headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"`);
  }
  if (t.ownerWrites) {
    t.imports.add("tests.factories:auth_headers", "tests.factories:UserFactory");
    tests.push(`def test_only_the_owner_may_change_a_${t.var}(
    client: APIClient, user: User, admin_headers: dict[str, str]
) -> None:
    mine = ${factoryCall(t)}
    stranger = auth_headers(UserFactory.create())

    fetched = client.get(f"/${t.plural}/{mine.id}", headers=stranger)
    changed = client.patch(f"/${t.plural}/{mine.id}", {}, headers=stranger)
    deleted = client.delete(f"/${t.plural}/{mine.id}", headers=stranger)
    as_admin = client.patch(f"/${t.plural}/{mine.id}", {}, headers=admin_headers)

    assert fetched.status_code == 200
    assert changed.status_code == 403
    assert deleted.status_code == 403
    assert as_admin.status_code == 200`);
  }
  if (t.readUser) {
    t.imports.add("tests.factories:auth_headers", "tests.factories:UserFactory");
    tests.push(`def test_${t.plural}_are_private_to_their_owner(
    client: APIClient, user: User, admin_headers: dict[str, str]
) -> None:
    mine = ${factoryCall(t)}
    stranger = auth_headers(UserFactory.create())

    listed = client.get("/${t.plural}", headers=stranger)
    fetched = client.get(f"/${t.plural}/{mine.id}", headers=stranger)
    changed = client.patch(f"/${t.plural}/{mine.id}", {}, headers=stranger)
    as_admin = client.get(f"/${t.plural}/{mine.id}", headers=admin_headers)

    assert listed.json()["items"] == []
    assert fetched.status_code == 404
    assert changed.status_code == 404
    assert as_admin.status_code == 200`);
  }
  const ownedLink = t.entity.manyToOne.find(
    (l) => l.required && entityByName(t.project, l.target).read === "owner",
  );
  if (ownedLink) {
    const target = entityByName(t.project, ownedLink.target);
    t.imports.add(`tests.factories:${factoryName(target.name)}`);
    tests.push(`def test_cannot_attach_to_someone_elses_${ownedLink.name}(${t.writer}) -> None:
    theirs = ${factoryName(target.name)}.create()
    payload = ${payloadCall(t, `${ownedLink.column}=theirs.id`)}

    response = client.post("/${t.plural}", payload${t.writerHeaders})

    assert response.status_code == 422`);
  }
  return tests;
}
