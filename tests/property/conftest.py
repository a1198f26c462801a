"""Hypothesis profiles: bounded and reproducible in CI, longer and random on request.

``ci`` (the default) draws the same examples on every run, so a failure in CI is one a
colleague sees again; ``HYPOTHESIS_PROFILE=explore`` draws new ones, many more, to look
for what the fixed set misses (pin what it finds with ``@example``).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=200,
    derandomize=True,
    database=None,  # nothing written into the checkout
    deadline=None,  # a slow example on a busy machine is not a failure
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.register_profile(
    "explore",
    parent=settings.get_profile("ci"),
    max_examples=5000,
    derandomize=False,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
