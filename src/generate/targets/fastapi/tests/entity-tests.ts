/**
 * `tests/<domain>/test_<domain>.py`: the API tests of one entity — CRUD round trip, validation, references,
 * uniqueness, rules, 404, paging, filters, sorting, constant query count, and who may do what.
 */
import { entityByName } from "../../../../blueprint/resolve.js";
import type { Field } from "../../../../blueprint/schema.js";
import { enumClassName, isStringLike } from "../../../python/fields.js";
import { Imports, pyModule } from "../../../python/imports.js";
import { pyStr, pyTuple } from "../../../python/literal.js";
import { capitalize, words } from "../../../python/naming.js";
import { fixedSample, invalidSample } from "../../../python/samples.js";
import type { EntityContext } from "../entity/context.js";
import { schemaNames } from "../entity/context.js";
import { idsName } from "../entity/schemas.js";
import { deleteRuleTest } from "./delete-rules.js";
import { childOwnerParam, firstChildOf, needsOwner, payloadShape, updatableField } from "./factories.js";

interface TestContext extends EntityContext {
  readonly imports: Imports;
  /** Fixture parameters of a test that writes, e.g. `client: AsyncClient, session: AsyncSession, admin_headers: ...`. */
  readonly writer: string;
  readonly writerHeaders: string;
  readonly reader: string;
  readonly readerHeaders: string;
  /** The user owning rows made in tests (`user` fixture), when rows need one. */
  readonly ownerFixture: string;
}

export function entityTestsModule(ctx: EntityContext): string {
  const t = testContext(ctx);
  const tests = [
    createTest(t),
    missingFieldTest(t),
    invalidFieldTest(t),
    nulCharacterTest(t),
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
    oneToManyReadTest(t),
    manyToManyUpdateTest(t),
    duplicateWithLinksTest(t),
    selfReferenceTest(t),
    deleteTest(t),
    deleteRuleTest(t, "await "),
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
  const imports = new Imports().add("httpx:AsyncClient", "sqlalchemy.ext.asyncio:AsyncSession");
  const headersType = "dict[str, str]";
  const writerRole = !ctx.auth
    ? undefined
    : ctx.entity.owned || ctx.entity.write === "authenticated"
      ? "user"
      : "admin";
  const readerRole = !ctx.auth ? undefined : ctx.entity.owned ? "user" : "user";
  const needsUserFixture = ctx.auth && needsOwner(ctx.project, ctx.entity);
  if (needsUserFixture) imports.add(`${ctx.pkg}.users.models:User`);
  const owner = needsUserFixture ? ", user: User" : "";
  return {
    ...ctx,
    imports,
    writer: `client: AsyncClient, session: AsyncSession${writerRole ? `, ${writerRole}_headers: ${headersType}` : ""}${owner}`,
    writerHeaders: writerRole ? `, headers=${writerRole}_headers` : "",
    reader: `client: AsyncClient, session: AsyncSession${readerRole ? `, ${readerRole}_headers: ${headersType}` : ""}${owner}`,
    readerHeaders: readerRole ? `, headers=${readerRole}_headers` : "",
    ownerFixture: needsUserFixture ? "user" : "",
  };
}

function factoryCall(t: TestContext, overrides = ""): string {
  t.imports.add(`tests.factories:create_${t.var}`);
  const owner = t.ownerFixture ? `, owner=${t.ownerFixture}` : "";
  return `await create_${t.var}(session${owner}${overrides ? `, ${overrides}` : ""})`;
}

function payloadCall(t: TestContext, overrides = ""): string {
  t.imports.add(`tests.factories:${t.var}_payload`);
  const shape = payloadShape(t.project, t.entity);
  const args = [shape.async ? "session" : "", shape.owner ? "owner=user" : "", overrides].filter(Boolean);
  return `${shape.async ? "await " : ""}${t.var}_payload(${args.join(", ")})`;
}

/** Fields whose JSON comes back exactly as sent (datetimes may change their offset notation). */
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
  return `async def test_create_${t.var}_then_get_it(${t.writer}) -> None:
    payload = ${payloadCall(t)}

    response = await client.post("/${t.plural}", json=payload${t.writerHeaders})

    assert response.status_code == 201, response.text
    created = response.json()${compare}${owner}
    fetched = await client.get(f"/${t.plural}/{created['id']}"${t.writerHeaders})
    assert fetched.status_code == 200
    assert fetched.json() == created`;
}

function requiredField(t: TestContext): Field | undefined {
  return t.entity.fields.find((f) => f.required && f.default === undefined);
}

function missingFieldTest(t: TestContext): string | undefined {
  const field = requiredField(t);
  if (!field) return undefined;
  return `async def test_create_without_${field.name}_is_422(${t.writer}) -> None:
    payload = ${payloadCall(t)}
    del payload[${pyStr(field.name)}]

    response = await client.post("/${t.plural}", json=payload${t.writerHeaders})

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", ${pyStr(field.name)}] in [detail["loc"] for detail in error["details"]]`;
}

function invalidFieldTest(t: TestContext): string | undefined {
  for (const field of t.entity.fields) {
    const invalid = invalidSample(field);
    if (!invalid) continue;
    return `async def test_create_with_invalid_${field.name}_is_422(${t.writer}) -> None:
    """${capitalize(words(field.name))} ${invalid.why} is rejected."""
    payload = ${payloadCall(t, `${field.name}=${invalid.json}`)}

    response = await client.post("/${t.plural}", json=payload${t.writerHeaders})

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", ${pyStr(field.name)}]`;
  }
  return undefined;
}

/** A text field without a pattern: only the NUL check can refuse a NUL there. */
function nulCharacterTest(t: TestContext): string | undefined {
  const field = t.entity.fields.find((f) => isStringLike(f) && f.type !== "email" && !f.pattern);
  if (!field) return undefined;
  const name = pyStr(field.name);
  return `async def test_create_with_a_nul_character_in_${field.name}_is_422(${t.writer}) -> None:
    """NUL characters are refused before they reach the database (PostgreSQL cannot store them)."""
    payload = ${payloadCall(t)}
    payload[${name}] = "\\x00" + payload[${name}][1:]

    response = await client.post("/${t.plural}", json=payload${t.writerHeaders})

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", ${name}]`;
}

function unknownReferenceTest(t: TestContext): string | undefined {
  const link = t.entity.manyToOne[0];
  if (!link) return undefined;
  return `async def test_create_with_unknown_${link.name}_is_422(${t.writer}) -> None:
    payload = ${payloadCall(t, `${link.column}=2_000_000_000`)}

    response = await client.post("/${t.plural}", json=payload${t.writerHeaders})

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"] == ["body", ${pyStr(link.column)}]`;
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
  return `async def test_create_duplicate_${columns.join("_")}_is_409(${t.writer}) -> None:
    existing = ${factoryCall(t)}
    payload = ${payloadCall(t, jsonOverrides)}

    response = await client.post("/${t.plural}", json=payload${t.writerHeaders})

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"`;
}

function columnName(t: TestContext, name: string): string {
  return t.entity.manyToOne.some((l) => l.name === name) ? `${name}_id` : name;
}

function rulesTest(t: TestContext): string | undefined {
  const check = t.entity.checks[0];
  if (!check) return undefined;
  const a = t.entity.fields.find((f) => f.name === check.field);
  const b = t.entity.fields.find((f) => f.name === check.other);
  if (!a || !b) return undefined;
  // Equal values break every strict rule; for >= / <= the swapped order does.
  const strict = [">", "<", "!="].includes(check.op);
  const low = fixedSample(t.entity.name, a, 0).json;
  const high = fixedSample(t.entity.name, a, 2).json;
  const [left, right] = strict ? [low, low] : check.op === ">=" ? [low, high] : [high, low];
  return `async def test_rule_${check.field}_${opName(check.op)}_${check.other}_is_enforced(${t.writer}) -> None:
    payload = ${payloadCall(t, `${check.field}=${left}, ${check.other}=${right}`)}

    created = await client.post("/${t.plural}", json=payload${t.writerHeaders})
    existing = ${factoryCall(t)}
    updated = await client.patch(
        f"/${t.plural}/{existing.id}", json={${pyStr(check.field)}: ${left}, ${pyStr(check.other)}: ${right}}${t.writerHeaders}
    )

    assert created.status_code == 422
    assert updated.status_code == 422`;
}

function opName(op: string): string {
  return { ">": "gt", ">=": "ge", "<": "lt", "<=": "le", "!=": "ne" }[op] ?? "op";
}

function notFoundTest(t: TestContext): string {
  return `async def test_get_missing_${t.var}_is_404(${t.reader}) -> None:
    response = await client.get("/${t.plural}/2000000000"${t.readerHeaders})

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"`;
}

function paginationTest(t: TestContext): string {
  const rows = `    for _ in range(3):\n        ${factoryCall(t)}`;
  if (t.entity.pagination === "cursor") {
    return `async def test_list_${t.plural}_pages_with_a_cursor(${t.reader}) -> None:
${rows}

    first = (await client.get("/${t.plural}", params={"limit": 2}${t.readerHeaders})).json()
    second = (
        await client.get("/${t.plural}", params={"limit": 2, "cursor": first["next_cursor"]}${t.readerHeaders})
    ).json()
    invalid = await client.get("/${t.plural}", params={"cursor": "not-a-cursor"}${t.readerHeaders})

    assert len(first["items"]) == 2
    assert len(second["items"]) == 1
    assert second["next_cursor"] is None
    assert first["items"][-1]["id"] < second["items"][0]["id"]
    assert invalid.status_code == 422`;
  }
  return `async def test_list_${t.plural}_pages_with_offset_and_limit(${t.reader}) -> None:
${rows}

    response = await client.get("/${t.plural}", params={"offset": 1, "limit": 2}${t.readerHeaders})
    beyond = await client.get("/${t.plural}", params={"offset": 3}${t.readerHeaders})

    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)
    assert (beyond.json()["total"], beyond.json()["items"]) == (3, [])`;
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
    matchValues.push(`${field.name}=${a.py}`);
    otherValues.push(`${field.name}=${c.py}`);
    for (const filter of fieldFilters.filter((f) => f.field === field))
      params.push(`${pyStr(filter.param)}: ${a.json}`);
  }
  enumImports(
    t,
    fieldFilters.map((f) => f.field as Field),
  );
  return `async def test_list_${t.plural}_filters(${t.reader}) -> None:
    """Every filter at once: only the matching row remains."""
    wanted = ${factoryCall(t, matchValues.join(", "))}
    ${factoryCall(t, otherValues.join(", "))}

    response = await client.get("/${t.plural}", params={${params.join(", ")}}${t.readerHeaders})

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [wanted.id]`;
}

function enumImports(t: TestContext, fields: Field[]): void {
  for (const field of fields.filter((f) => f.type === "enum")) {
    t.imports.add(`${t.module}.models:${enumClassName(t.entity.name, field)}`);
  }
}

function sortTest(t: TestContext): string | undefined {
  const field = t.sortable.find((f) => f.type !== "bool" && f.type !== "json");
  if (!field || t.entity.pagination !== "offset") return undefined;
  const samples = ([2, 0, 1] as const).map((v) => fixedSample(t.entity.name, field, v));
  t.imports.add(...samples.flatMap((s) => s.imports));
  enumImports(t, [field]);
  const rows = samples.map((s) => `    ${factoryCall(t, `${field.name}=${s.py}`)}`).join("\n");
  return `async def test_list_${t.plural}_sorts_by_${field.name}(${t.reader}) -> None:
${rows}

    ascending = (await client.get("/${t.plural}", params={"sort": ${pyStr(field.name)}}${t.readerHeaders})).json()
    descending = (await client.get("/${t.plural}", params={"sort": ${pyStr(`-${field.name}`)}}${t.readerHeaders})).json()

    values = [item[${pyStr(field.name)}] for item in ascending["items"]]
    assert values == sorted(values)
    assert [item[${pyStr(field.name)}] for item in descending["items"]] == sorted(values, reverse=True)`;
}

function queryCountTest(t: TestContext): string {
  t.imports.add("tests.conftest:QueryCounter");
  return `async def test_list_${t.plural}_query_count_does_not_grow_with_the_page(
    ${t.reader}, query_counter: QueryCounter
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    ${factoryCall(t)}
    with query_counter() as one_row:
        await client.get("/${t.plural}"${t.readerHeaders})
    for _ in range(3):
        ${factoryCall(t)}
    with query_counter() as four_rows:
        await client.get("/${t.plural}"${t.readerHeaders})

    assert one_row.count > 0
    assert four_rows.count == one_row.count`;
}

function updateTest(t: TestContext): string | undefined {
  const field = updatableField(t.entity);
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
    ? `\n    before = (await client.get(f"/${t.plural}/{existing.id}"${t.writerHeaders})).json()`
    : "";
  return `async def test_update_${t.var}_changes_only_sent_fields(${t.writer}) -> None:
    existing = ${factoryCall(t)}${before}

    response = await client.patch(f"/${t.plural}/{existing.id}", json={${pyStr(field.name)}: ${value.json}}${t.writerHeaders})

    assert response.status_code == 200, response.text
    assert response.json()[${pyStr(field.name)}] ${compare}${untouchedCheck}`;
}

function nullUpdateTest(t: TestContext): string | undefined {
  const field = t.entity.fields.find((f) => f.required);
  if (!field) return undefined;
  return `async def test_update_${field.name}_to_null_is_422(${t.writer}) -> None:
    existing = ${factoryCall(t)}

    response = await client.patch(f"/${t.plural}/{existing.id}", json={${pyStr(field.name)}: None}${t.writerHeaders})

    assert response.status_code == 422`;
}

/** A one-to-many collection shows each row as its Brief schema shows it from the row's own columns. */
function oneToManyReadTest(t: TestContext): string | undefined {
  const first = firstChildOf(t.project, t.entity);
  if (!first) return undefined;
  const { link, child, back } = first;
  const brief = schemaNames(child).brief;
  t.imports.add(`tests.factories:create_${child.snake}`, `${t.pkg}.${child.plural}.schemas:${brief}`);
  const extraUser = childOwnerParam(t, first.childOwned);
  return `async def test_get_${t.var}_shows_its_${link.name}_as_stored(${t.reader}${extraUser}) -> None:
    parent = ${factoryCall(t)}
    child = await create_${child.snake}(session${first.childOwned ? ", owner=user" : ""}, ${back.column}=parent.id)
    await session.refresh(child)

    response = await client.get(f"/${t.plural}/{parent.id}"${t.readerHeaders})

    assert response.status_code == 200
    assert response.json()[${pyStr(link.name)}] == [${brief}.model_validate(child).model_dump(mode="json")]`;
}

function manyToManyUpdateTest(t: TestContext): string | undefined {
  const link = t.entity.manyToMany[0];
  if (!link) return undefined;
  const target = entityByName(t.project, link.target);
  const owner = needsOwner(t.project, target) ? ", owner=user" : "";
  t.imports.add(`tests.factories:create_${target.snake}`);
  const ids = idsName(link.name);
  return `async def test_update_${t.var}_replaces_${link.name}(${t.writer}) -> None:
    existing = ${factoryCall(t)}
    first = await create_${target.snake}(session${owner})
    second = await create_${target.snake}(session${owner})

    linked = await client.patch(f"/${t.plural}/{existing.id}", json={${pyStr(ids)}: [second.id, first.id]}${t.writerHeaders})
    unknown = await client.patch(f"/${t.plural}/{existing.id}", json={${pyStr(ids)}: [2_000_000_000]}${t.writerHeaders})

    assert linked.status_code == 200, linked.text
    assert [item["id"] for item in linked.json()[${pyStr(link.name)}]] == [first.id, second.id]
    assert unknown.status_code == 422`;
}

/**
 * A PATCH that links rows and duplicates a unique value: the links are loaded before the change, so the
 * duplicate fails at commit (409), not in an autoflush while loading them (500; found by fuzzing).
 */
function duplicateWithLinksTest(t: TestContext): string | undefined {
  const link = t.entity.manyToMany[0];
  const field = t.entity.fields.find((f) => f.unique && ["string", "email", "url"].includes(f.type));
  if (!link || !field) return undefined;
  const target = entityByName(t.project, link.target);
  const owner = needsOwner(t.project, target) ? ", owner=user" : "";
  t.imports.add(`tests.factories:create_${target.snake}`);
  const ids = idsName(link.name);
  return `async def test_update_${t.var}_to_a_duplicate_${field.name}_with_${link.name}_is_409(${t.writer}) -> None:
    existing = ${factoryCall(t)}
    other = ${factoryCall(t)}
    linked = await create_${target.snake}(session${owner})

    response = await client.patch(
        f"/${t.plural}/{existing.id}", json={${pyStr(field.name)}: other.${field.name}, ${pyStr(ids)}: [linked.id]}${t.writerHeaders}
    )

    assert response.status_code == 409`;
}

function selfReferenceTest(t: TestContext): string | undefined {
  const link = t.entity.manyToOne.find((l) => l.target === t.entity.name);
  if (!link) return undefined;
  return `async def test_${t.var}_cannot_be_its_own_${link.name}(${t.writer}) -> None:
    existing = ${factoryCall(t)}

    response = await client.patch(f"/${t.plural}/{existing.id}", json={${pyStr(link.column)}: existing.id}${t.writerHeaders})

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"] == ["body", ${pyStr(link.column)}]`;
}

function deleteTest(t: TestContext): string {
  return `async def test_delete_${t.var}(${t.writer}) -> None:
    existing = ${factoryCall(t)}

    deleted = await client.delete(f"/${t.plural}/{existing.id}"${t.writerHeaders})
    again = await client.get(f"/${t.plural}/{existing.id}"${t.writerHeaders})

    assert deleted.status_code == 204
    assert again.status_code == 404`;
}

function permissionTests(t: TestContext): string[] {
  if (!t.auth) return [];
  const tests: string[] = [];
  const anonymous = t.entity.read === "public" ? "post" : "get";
  tests.push(`async def test_${t.plural}_require_authentication(client: AsyncClient) -> None:
    response = await client.${anonymous}("/${t.plural}"${anonymous === "post" ? ", json={}" : ""})

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"`);
  if (!t.entity.owned && t.entity.write === "admin") {
    t.imports.add(`tests.factories:${t.var}_payload`);
    const shape = payloadShape(t.project, t.entity);
    const userParam = shape.owner || needsOwner(t.project, t.entity) ? ", user: User" : "";
    tests.push(`async def test_${t.plural}_write_requires_admin(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str]${userParam}
) -> None:
    payload = ${payloadCall(t)}

    response = await client.post("/${t.plural}", json=payload, headers=user_headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"`);
  }
  if (t.ownerWrites) {
    t.imports.add("tests.factories:auth_headers", "tests.factories:create_user");
    tests.push(`async def test_only_the_owner_may_change_a_${t.var}(
    client: AsyncClient, session: AsyncSession, user: User, admin_headers: dict[str, str]
) -> None:
    mine = ${factoryCall(t)}
    stranger = auth_headers(await create_user(session))

    fetched = await client.get(f"/${t.plural}/{mine.id}", headers=stranger)
    changed = await client.patch(f"/${t.plural}/{mine.id}", json={}, headers=stranger)
    deleted = await client.delete(f"/${t.plural}/{mine.id}", headers=stranger)
    as_admin = await client.patch(f"/${t.plural}/{mine.id}", json={}, headers=admin_headers)

    assert fetched.status_code == 200
    assert changed.status_code == 403
    assert deleted.status_code == 403
    assert as_admin.status_code == 200`);
  }
  if (t.readUser) {
    t.imports.add("tests.factories:auth_headers", "tests.factories:create_user");
    tests.push(`async def test_${t.plural}_are_private_to_their_owner(
    client: AsyncClient, session: AsyncSession, user: User, admin_headers: dict[str, str]
) -> None:
    mine = ${factoryCall(t)}
    stranger = auth_headers(await create_user(session))

    listed = await client.get("/${t.plural}", headers=stranger)
    fetched = await client.get(f"/${t.plural}/{mine.id}", headers=stranger)
    changed = await client.patch(f"/${t.plural}/{mine.id}", json={}, headers=stranger)
    as_admin = await client.get(f"/${t.plural}/{mine.id}", headers=admin_headers)

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
    t.imports.add(`tests.factories:create_${target.snake}`, "tests.factories:create_user");
    tests.push(`async def test_cannot_attach_to_someone_elses_${ownedLink.name}(${t.writer}) -> None:
    theirs = await create_${target.snake}(session, owner=await create_user(session))
    payload = ${payloadCall(t, `${ownedLink.column}=theirs.id`)}

    response = await client.post("/${t.plural}", json=payload${t.writerHeaders})

    assert response.status_code == 422`);
  }
  return tests;
}
