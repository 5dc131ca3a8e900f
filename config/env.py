"""django-environ, strict: a variable that is set but cannot be read stops the start with its name.

django-environ on its own reads any word it does not know as false (``DEBUG=ture`` would quietly be off)
and takes a value starting with ``$`` for the name of another variable (a secret key or a password can
start with one). Here a boolean is one of the words below or an error, every value is taken as written,
and an empty value counts as not set (``EMAIL_URL=`` in an environment file).
"""

from typing import Any

import environ
from django.core.exceptions import ImproperlyConfigured

TRUE = frozenset({"1", "true", "yes", "on"})
FALSE = frozenset({"0", "false", "no", "off"})


class StrictEnv(environ.Env):
    def get_value(
        self, var: str, cast: Any = None, default: Any = environ.Env.NOTSET, parse_default: bool = False
    ) -> Any:
        value = self.ENVIRON.get(var, "")
        if value == "":
            if default is self.NOTSET:
                raise ImproperlyConfigured(f"Set the {var} environment variable.")
            return self.parse_value(default, cast) if parse_default and default is not None else default
        try:
            return self.parse_value(value, cast)
        except (TypeError, ValueError) as error:
            raise ImproperlyConfigured(f"{var}: {error}") from None

    @classmethod
    def parse_value(cls, value: Any, cast: Any) -> Any:
        if cast is bool and isinstance(value, str):
            word = value.strip().lower()
            if word not in TRUE | FALSE:
                raise ValueError(f"{value!r} is not a boolean; write one of 1/0, true/false, yes/no, on/off")
            return word in TRUE
        return super().parse_value(value, cast)
