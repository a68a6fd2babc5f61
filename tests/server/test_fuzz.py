"""Schemathesis against the published OpenAPI document: no 5xx, every answer as documented."""

from __future__ import annotations

import pytest
import schemathesis
from schemathesis.checks import positive_data_acceptance

from postcoach.server import create_app
from postcoach.server.profile_schemas import RESERVED_NAMES

FUZZ_TOKEN = "fuzz-test-token-0123456789abcdefghijklmnopqrstu"
# As the extension calls: with the token and from its origin (pairing accepts no other).
HEADERS = {"Authorization": f"Bearer {FUZZ_TOKEN}", "Host": "127.0.0.1:8731",
           "Origin": "chrome-extension://abcdefghijklmnopabcdefghijklmnop"}

# Loaded at import (schemathesis' fixture-based loading does not run on pytest 9); the token is
# given, so no data directory is touched until a request comes, by which time each test has its
# own (tests/conftest.py).
schema = schemathesis.openapi.from_wsgi(
    "/v1/openapi.json", create_app({"TOKEN": FUZZ_TOKEN, "PORT": 8731}), headers=HEADERS
)
# The token is always sent (HEADERS): generated Authorization headers, valid or not, would be
# overwritten by it, so a case "without the token" would be served and reported as accepted.
# The token's refusals are tested one by one in test_security.py.
schema.config.generation.update(max_examples=25, deterministic=True,
                                with_security_parameters=False)
# A text over the documented maxLength is "too large" (413), as the document says, not a 422.
negative_data = schema.config.checks.negative_data_rejection
negative_data.expected_statuses = [*negative_data.expected_statuses, "413"]

# A request the document calls valid is served, unless the data directory's state or the posts'
# content says otherwise — which no schema can say: a profile that is not stored, a name already
# taken, a save made in between, posts with too little text to learn from, a file to import that
# is not an export. And a text within 100 000 characters can still be a body over 256 KiB once
# JSON-escaped. And a well-formed pairing code is refused unless it is the one waiting.
STATE_REFUSALS = {
    (401, "code_expired"),
    (401, "wrong_code"),
    (401, "too_many_tries"),
    (404, "profile_not_found"),
    (409, "profile_exists"),
    (409, "stale_version"),
    (413, "too_large"),
    (422, "unknown_profile"),
    (422, "not_enough_samples"),
    (422, "unreadable_samples"),
    (422, "unreadable_file"),
}


@pytest.mark.slow
@schema.parametrize()
def test_api_matches_its_document(case):
    # /v1/profiles/active and /v1/profiles/import are routes of their own, which the document
    # says a profile's name cannot be: a case that breaks that rule reaches them, not this one.
    if (case.path_parameters or {}).get("name") in RESERVED_NAMES:
        return
    response = case.call_and_validate(headers=HEADERS, excluded_checks=[positive_data_acceptance])
    if case.meta.generation.mode.is_positive and response.status_code >= 300:
        error = response.json()["error"]
        assert (response.status_code, error["code"]) in STATE_REFUSALS, response.text
