"""Request parsing, JSON responses, and blueprints whose routes declare their OpenAPI contract."""

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Literal, TypeVar

from flask import Blueprint, Flask, Response, current_app, request
from pydantic import BaseModel, TypeAdapter, ValidationError
from werkzeug.exceptions import HTTPException

from notes.errors import AppError, ErrorDetail, ValidationFailedError, validation_failed
from notes.schemas import RowId

ModelT = TypeVar("ModelT", bound=BaseModel)
View = Callable[..., Response]
ViewT = TypeVar("ViewT", bound=View)
Method = Literal["GET", "POST", "PATCH", "DELETE"]

_ROW_ID: TypeAdapter[int] = TypeAdapter(RowId)
_PATH_PARAMETER = re.compile(r"\{(\w+)\}")


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
        """Route `path` (OpenAPI syntax: /{post_id}) to the view; `guard` runs first (401, 403)."""

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
            rule = _PATH_PARAMETER.sub(r"<\1>", path)
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
    """`/posts/` answers 307 to `/posts`, as FastAPI does: routes have no trailing slash."""
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
