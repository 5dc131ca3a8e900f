"""Passwords: Argon2id at OWASP's parameters in production; PBKDF2 hashes of before still log in and are
made Argon2id on the way (the tests themselves run with a fast hasher, config/test_settings.py)."""

import argon2
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import get_hasher, identify_hasher, make_password
from django.test import override_settings
from django.urls import reverse

from config import settings as production

pytestmark = pytest.mark.django_db

PRODUCTION_HASHERS = override_settings(PASSWORD_HASHERS=production.PASSWORD_HASHERS)


def test_production_hashes_with_argon2id_at_owasp_parameters():
    with PRODUCTION_HASHERS:
        encoded = make_password("a-long-passphrase")
        parameters = argon2.extract_parameters(encoded.removeprefix("argon2"))
    assert encoded.startswith("argon2$argon2id$")
    assert parameters.type is argon2.Type.ID
    assert parameters.memory_cost >= 19 * 1024  # KiB
    assert parameters.time_cost >= 2
    assert parameters.parallelism == 1


def test_the_tests_keep_a_fast_hasher():
    assert get_hasher().algorithm == "md5"


def test_a_pbkdf2_password_logs_in_and_is_made_argon2id(client):
    with PRODUCTION_HASHERS:
        pbkdf2 = make_password("old-pass-123", hasher="pbkdf2_sha256")
        user = get_user_model().objects.create(username="old", password=pbkdf2)
        response = client.post(reverse("login"), {"username": "old", "password": "old-pass-123"})
        assert response.status_code == 302
        user.refresh_from_db()
        assert identify_hasher(user.password).algorithm == "argon2"
        assert user.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
        # django-axes watches every authentication: the login goes through the login page, with its request.
        assert (
            client.post(reverse("login"), {"username": "old", "password": "old-pass-123"}).status_code == 302
        )


def test_an_argon2_hash_with_other_parameters_still_verifies_and_is_updated(client):
    with PRODUCTION_HASHERS:
        django_default = make_password("pass-123-xyz", hasher="argon2")  # our parameters
        weaker = argon2.PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash("pass-123-xyz")
        user = get_user_model().objects.create(username="weak", password="argon2" + weaker)
        assert (
            client.post(reverse("login"), {"username": "weak", "password": "pass-123-xyz"}).status_code == 302
        )
        user.refresh_from_db()
        assert user.password.split("$")[:4] == django_default.split("$")[:4]
