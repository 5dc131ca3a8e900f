"""The password hasher: Argon2id at OWASP's recommended parameters (the README's Choices says why)."""

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idPasswordHasher(Argon2PasswordHasher):
    """Argon2id with m = 19 MiB, t = 2, p = 1: OWASP's Password Storage Cheat Sheet's first recommendation.

    About 27 ms of CPU a hash on the 2-core build machine, where Django 5.2's PBKDF2 (1,000,000 iterations
    of SHA-256) takes about 270 ms: 300 people can log in within seconds on two cores. Memory-hard, so a
    guess costs an attacker's GPU or ASIC 19 MiB of memory traffic twice over, not a few SHA-256 blocks.
    Django's own Argon2 defaults (100 MiB, t = 2, p = 8) cost 240 ms. The algorithm is Django's "argon2",
    so a hash made with other parameters still verifies and is made anew at the next login (must_update).
    """

    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
