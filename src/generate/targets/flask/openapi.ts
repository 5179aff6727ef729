/**
 * `api.py` (request parsing, JSON responses, blueprints whose routes declare their inputs and output) and
 * `openapi.py` (the OpenAPI 3.1 document built from those declarations and the same pydantic models that
 * validate requests). A small generated module rather than a library: the document must describe exactly
 * what the views do, errors included, for schemathesis; and its shape follows the FastAPI target's.
 */

export function apiModule(pkg: string): string {
  return `"""Request parsing, JSON responses, and blueprints whose routes declare their OpenAPI contract."""

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Literal, TypeVar

from flask import Blueprint, Flask, Response, current_app, request
from pydantic import BaseModel, TypeAdapter, ValidationError
from werkzeug.exceptions import HTTPException

from ${pkg}.errors import AppError, ErrorDetail, ValidationFailedError, validation_failed
from ${pkg}.schemas import RowId

ModelT = TypeVar("ModelT", bound=BaseModel)
View = Callable[..., Response]
ViewT = TypeVar("ViewT", bound=View)
Method = Literal["GET", "POST", "PATCH", "DELETE"]

_ROW_ID: TypeAdapter[int] = TypeAdapter(RowId)
_PATH_PARAMETER = re.compile(r"\\{(\\w+)\\}")


@dataclass(frozen=True)
class Operation:
    """One route as the OpenAPI document describes it."""

    method: Method
    path: str
    tag: str
    view: View
    status: int
    body: type[BaseModel] | None
    form: type[BaseModel] | None
    query: type[BaseModel] | None
    response: type[BaseModel] | None
    secured: bool
    errors: frozenset[int]


class ApiBlueprint(Blueprint):
    """A blueprint whose routes declare their inputs, output and guard, for the OpenAPI document."""

    def __init__(
        self, name: str, import_name: str, *, url_prefix: str, errors: frozenset[int] = frozenset()
    ) -> None:
        super().__init__(name, import_name, url_prefix=url_prefix)
        self.prefix = url_prefix
        self.errors = errors
        self.operations: list[Operation] = []

    def operation(
        self,
        method: Method,
        path: str,
        *,
        status: int = 200,
        body: type[BaseModel] | None = None,
        form: type[BaseModel] | None = None,
        query: type[BaseModel] | None = None,
        response: type[BaseModel] | None = None,
        guard: Callable[[], object] | None = None,
        errors: frozenset[int] = frozenset(),
    ) -> Callable[[ViewT], ViewT]:
        """Route \`path\` (OpenAPI syntax: /{post_id}) to the view; \`guard\` runs first (401, 403)."""

        def register(view: ViewT) -> ViewT:
            self.operations.append(
                Operation(
                    method=method,
                    path=f"{self.prefix}{path}",
                    tag=self.name,
                    view=view,
                    status=status,
                    body=body,
                    form=form,
                    query=query,
                    response=response,
                    secured=guard is not None,
                    errors=self.errors | errors,
                )
            )
            rule = _PATH_PARAMETER.sub(r"<\\1>", path)
            self.add_url_rule(rule, view_func=_guarded(view, guard), methods=[method])
            return view

        return register


def _guarded(view: View, guard: Callable[[], object] | None) -> View:
    if guard is None:
        return view

    @wraps(view)
    def guarded(**path: str) -> Response:
        guard()
        return view(**path)

    return guarded


class MalformedBodyError(AppError):
    """The body is not text at all (invalid UTF-8): a 400, with the code FastAPI gives it."""

    code = "http_400"


def parse_body(model: type[ModelT]) -> ModelT:
    """The JSON body, validated by the model; a 422 naming every problem otherwise (as FastAPI)."""
    data = request.get_data()
    if not data:
        raise _invalid_body("Field required")
    try:
        payload = json.loads(data)
    except json.JSONDecodeError as exc:
        raise _invalid_body("JSON decode error", exc.pos) from exc
    except UnicodeDecodeError as exc:
        msg = "There was an error parsing the body"
        raise MalformedBodyError(msg) from exc
    try:
        # from_attributes, as FastAPI validates: the same messages for a body that is not an object.
        return model.model_validate(payload, from_attributes=True)
    except ValidationError as exc:
        raise validation_failed(exc, "body") from exc


def _invalid_body(message: str, *position: int) -> ValidationFailedError:
    detail = ErrorDetail(loc=["body", *position], message=message)
    return ValidationFailedError("The request is not valid.", details=[detail])


def parse_form(model: type[ModelT]) -> ModelT:
    """The form fields (application/x-www-form-urlencoded), validated by the model."""
    try:
        return model.model_validate(request.form.to_dict())
    except ValidationError as exc:
        raise validation_failed(exc, "body") from exc


def parse_query(model: type[ModelT]) -> ModelT:
    """The query string, validated by the model."""
    try:
        return model.model_validate(request.args.to_dict())
    except ValidationError as exc:
        raise validation_failed(exc, "query") from exc


def path_id(name: str, value: str) -> int:
    """A row id from the URL path; a 422 unless it is a positive 32-bit integer."""
    try:
        return _ROW_ID.validate_python(value)
    except ValidationError as exc:
        raise validation_failed(exc, "path", name) from exc


def json_response(body: BaseModel, status: int = 200) -> Response:
    """The model as JSON, serialized by pydantic (ISO 8601 datetimes, decimals as strings)."""
    return Response(body.model_dump_json(), status=status, mimetype="application/json")


def no_content() -> Response:
    """An empty 204 response."""
    return Response(status=204)


def install_trailing_slash_redirects(app: Flask) -> None:
    """\`/posts/\` answers 307 to \`/posts\`, as FastAPI does: routes have no trailing slash."""
    app.before_request(_redirect_trailing_slash)


def _redirect_trailing_slash() -> Response | None:
    path = request.path
    if request.routing_exception is None or path == "/" or not path.endswith("/"):
        return None
    target = path.rstrip("/")
    try:
        current_app.url_map.bind_to_environ(request.environ).match(target, method=request.method)
    except HTTPException:
        return None
    query = request.query_string.decode()
    return Response(status=307, headers={"Location": f"{target}?{query}" if query else target})
`;
}

export function openapiModule(pkg: string): string {
  return `"""The OpenAPI 3.1 document, built from the routes' declarations and the models they validate."""

import inspect
import json
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from flask import Flask, Response
from pydantic import BaseModel
from pydantic.json_schema import (
    GenerateJsonSchema,
    JsonSchemaMode,
    JsonSchemaValue,
    models_json_schema,
)
from pydantic_core import core_schema

from ${pkg}.api import ApiBlueprint, Operation
from ${pkg}.errors import ErrorResponse

Models = list[tuple[type[BaseModel], JsonSchemaMode]]
Refs = Mapping[tuple[Any, JsonSchemaMode], Mapping[str, Any]]

_ID_SCHEMA = {"type": "integer", "minimum": 1, "maximum": 2_147_483_647}
_DESCRIPTIONS = {
    401: "Not authenticated",
    403: "Not allowed",
    404: "Not found",
    409: "Conflict",
    422: "Invalid request",
    429: "Too many requests",
    503: "Service unavailable",
}
_BEARER = "OAuth2PasswordBearer"
_SECURITY_SCHEMES = {
    _BEARER: {"type": "oauth2", "flows": {"password": {"tokenUrl": "/auth/login", "scopes": {}}}}
}


class DocumentSchema(GenerateJsonSchema):
    """Pydantic's JSON Schema minus null defaults the type forbids (a PATCH field left out)."""

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> JsonSchemaValue:
        """The field's schema; its default only when the schema itself accepts it."""
        json_schema = super().default_schema(schema)
        if "default" in json_schema and json_schema["default"] is None and not _allows_null(json_schema):
            del json_schema["default"]
        return json_schema


def build_document(
    *, title: str, description: str, version: str, operations: Sequence[Operation]
) -> dict[str, Any]:
    """Paths, operations and component schemas of every documented route."""
    refs, definitions = models_json_schema(
        _models(operations),
        ref_template="#/components/schemas/{model}",
        schema_generator=DocumentSchema,
    )
    schemas: dict[str, Any] = definitions.get("$defs", {})
    paths: dict[str, dict[str, Any]] = {}
    for operation in operations:
        item = paths.setdefault(operation.path, {})
        item[operation.method.lower()] = _operation(operation, refs, schemas)
    components: dict[str, Any] = {"schemas": schemas}
    if any(operation.secured for operation in operations):
        components["securitySchemes"] = _SECURITY_SCHEMES
    return {
        "openapi": "3.1.0",
        "info": {"title": title, "description": description, "version": version},
        "paths": paths,
        "components": components,
    }


def install_openapi(app: Flask, *, title: str, description: str, version: str) -> None:
    """Serve the document at /openapi.json, built on first request from every ApiBlueprint."""

    @cache
    def document() -> str:
        operations = [
            operation
            for blueprint in app.blueprints.values()
            if isinstance(blueprint, ApiBlueprint)
            for operation in blueprint.operations
        ]
        built = build_document(
            title=title, description=description, version=version, operations=operations
        )
        return json.dumps(built)

    def openapi_json() -> Response:
        return Response(document(), mimetype="application/json")

    app.add_url_rule("/openapi.json", view_func=openapi_json, methods=["GET"])


def _models(operations: Sequence[Operation]) -> Models:
    # A dict keeps the first-seen order and drops repeats: the document is the same on every run.
    models: dict[tuple[type[BaseModel], JsonSchemaMode], None] = {
        (ErrorResponse, "serialization"): None
    }
    for operation in operations:
        for model in (operation.body, operation.form, operation.query):
            if model is not None:
                models[model, "validation"] = None
        if operation.response is not None:
            models[operation.response, "serialization"] = None
    return list(models)


def _operation(operation: Operation, refs: Refs, schemas: Mapping[str, Any]) -> dict[str, Any]:
    name = operation.view.__name__
    parameters = [
        {"name": parameter, "in": "path", "required": True, "schema": _ID_SCHEMA}
        for parameter in _path_parameters(operation.path)
    ]
    if operation.query is not None:
        parameters += _query_parameters(refs[operation.query, "validation"], schemas)
    result: dict[str, Any] = {
        "tags": [operation.tag],
        "summary": name.replace("_", " ").title(),
        "description": inspect.getdoc(operation.view) or "",
        "operationId": name,
        "parameters": parameters,
        "responses": _responses(operation, refs, has_input=bool(parameters)),
    }
    for model, media_type in ((operation.body, "application/json"), (operation.form, "application/x-www-form-urlencoded")):
        if model is not None:
            schema = refs[model, "validation"]
            result["requestBody"] = {"required": True, "content": {media_type: {"schema": schema}}}
    if operation.secured:
        result["security"] = [{_BEARER: []}]
    return result


def _allows_null(schema: Mapping[str, Any]) -> bool:
    options = [schema, *schema.get("anyOf", [])]
    return any(option.get("type") == "null" for option in options)


def _path_parameters(path: str) -> list[str]:
    return [part[1:-1] for part in path.split("/") if part.startswith("{")]


def _query_parameters(ref: Mapping[str, Any], schemas: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One parameter per field of the query model, as FastAPI lists them."""
    model = schemas[str(ref["$ref"]).rsplit("/", 1)[-1]]
    required = set(model.get("required", []))
    return [
        {"name": field, "in": "query", "required": field in required, "schema": schema}
        for field, schema in model["properties"].items()
    ]


def _responses(operation: Operation, refs: Refs, *, has_input: bool) -> dict[str, Any]:
    responses: dict[str, Any] = {}
    if operation.response is None:
        responses[str(operation.status)] = {"description": "No content"}
    else:
        schema = refs[operation.response, "serialization"]
        responses[str(operation.status)] = {
            "description": "Successful response",
            "content": {"application/json": {"schema": schema}},
        }
    has_body = operation.body is not None or operation.form is not None
    statuses = operation.errors | ({422} if has_input or has_body else set())
    error = {"application/json": {"schema": refs[ErrorResponse, "serialization"]}}
    for status in sorted(statuses):
        responses[str(status)] = {"description": _DESCRIPTIONS.get(status, "Error"), "content": error}
    return responses
`;
}
