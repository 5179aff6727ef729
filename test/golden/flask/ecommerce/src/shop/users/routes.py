"""Authentication routes: register, login, refresh, me."""

from flask import Response, request

from shop.api import ApiBlueprint, json_response, parse_body, parse_form
from shop.errors import AuthenticationError
from shop.users import service
from shop.users.auth import current_user, login_required
from shop.users.schemas import LoginForm, RefreshRequest, TokenPair, UserCreate, UserRead
from shop.users.throttle import get_login_throttle

blueprint = ApiBlueprint(
    "auth", __name__, url_prefix="/auth", errors=frozenset({401, 403, 404, 409, 422})
)


@blueprint.operation("POST", "/register", status=201, body=UserCreate, response=UserRead)
def register() -> Response:
    """Create an account with the default role."""
    user = service.create_user(data=parse_body(UserCreate))
    return json_response(UserRead.model_validate(user), 201)


@blueprint.operation("POST", "/login", form=LoginForm, response=TokenPair, errors=frozenset({429}))
def login() -> Response:
    """Exchange email (as username) and password for tokens; repeated failures are throttled."""
    form = parse_form(LoginForm)
    throttle = get_login_throttle()
    key = f"{request.remote_addr or 'unknown'}:{form.username.lower()}"
    throttle.check(key)
    try:
        user = service.authenticate(email=form.username, password=form.password)
    except AuthenticationError:
        throttle.failed(key)
        raise
    throttle.succeeded(key)
    return json_response(service.issue_tokens(user))


@blueprint.operation("POST", "/refresh", body=RefreshRequest, response=TokenPair)
def refresh() -> Response:
    """Exchange a refresh token for new tokens."""
    data = parse_body(RefreshRequest)
    return json_response(service.refresh_tokens(refresh_token=data.refresh_token))


@blueprint.operation("GET", "/me", response=UserRead, guard=login_required)
def me() -> Response:
    """The authenticated user."""
    return json_response(UserRead.model_validate(current_user()))
