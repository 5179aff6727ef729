"""The OpenAPI 3.1 document, built from the routes' declarations and the models they validate."""

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

from notes.api import ApiBlueprint, Operation
from notes.errors import ErrorResponse

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
        if (
            "default" in json_schema
            and json_schema["default"] is None
            and not _allows_null(json_schema)
        ):
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
    for model, media_type in (
        (operation.body, "application/json"),
        (operation.form, "application/x-www-form-urlencoded"),
    ):
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
        responses[str(status)] = {
            "description": _DESCRIPTIONS.get(status, "Error"),
            "content": error,
        }
    return responses
