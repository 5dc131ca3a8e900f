"""The types of the people the app deals with, named once for every annotation.

``settings.AUTH_USER_MODEL`` is Django's own ``auth.User``: ``User`` is someone logged in (who saves,
submits, comments), ``RequestUser`` what ``request.user`` is, anonymous before logging in (what the
permission checks take).
"""

from typing import TypeAlias

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.models import User as AuthUser

User: TypeAlias = AuthUser
RequestUser: TypeAlias = AuthUser | AnonymousUser
