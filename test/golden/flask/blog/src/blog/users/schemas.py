"""User: request and response schemas."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StringConstraints

from blog.schemas import ReadSchema, SafeStr
from blog.users.models import Role

Password = Annotated[str, StringConstraints(min_length=8, max_length=128)]


class UserCreate(BaseModel):
    """Sign-up data."""

    model_config = ConfigDict(extra="forbid")

    email: EmailStr
    password: Password
    full_name: (
        Annotated[SafeStr, StringConstraints(strip_whitespace=True, max_length=200)] | None
    ) = None


class UserRead(ReadSchema):
    """A user as the API returns it (never the password hash)."""

    id: int
    email: str
    full_name: str | None
    role: Role
    is_active: bool


class LoginForm(BaseModel):
    """The OAuth2 password form: the email goes in `username`."""

    username: str
    password: str


class TokenPair(BaseModel):
    """Tokens issued at login and refresh."""

    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = Field(default="bearer")


class RefreshRequest(BaseModel):
    """Body of a token refresh."""

    model_config = ConfigDict(extra="forbid")

    refresh_token: Annotated[str, StringConstraints(max_length=2048)]
