"""Dialect fallbacks in the description (SPEC §1): an endpoint's `fallback` row becomes a second
request in the core's builder (its own method, path and wire keys, the primary's Idempotency-Key),
run through ClientImpl::execute_dialect with the group as the family; its path joins the route
table; rows that cannot work are refused with the endpoint's name.

Run: python3 tests/codegen/test_dialects.py"""

from __future__ import annotations

import copy
import re
import pathlib
import sys
import unittest

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from codegen import api, core  # noqa: E402

ROWS = api.read(REPO / "api/endpoints.toml")


def endpoint_row(rows, name):
    return next(e for e in rows["endpoint"] if e["name"] == name)


class Fallbacks(unittest.TestCase):
    def setUp(self) -> None:
        self.api = api.parse(copy.deepcopy(ROWS))

    def test_create_key_falls_back_to_k2_with_its_wire_keys(self) -> None:
        b = core.builder(self.api.endpoint("create_api_key"))
        fb = b["fallback"]
        self.assertEqual(fb["method"], "POST")
        self.assertEqual(fb["path"], 'detail::CallPath::literal("/apikey/generate")')
        self.assertEqual(fb["container"], "Body")
        self.assertIn('fb.field("key_name", params.name);', fb["body"])
        self.assertIn('fb.strings("scopes", params.permissions);', fb["body"])
        self.assertIn('if (params.expires_in_days) fb.integer("expires_in_days", '
                      '*params.expires_in_days);', fb["body"])
        self.assertEqual(fb["family"], '"api_keys"')

    def test_revoke_falls_back_to_a_delete_of_the_same_id(self) -> None:
        fb = core.builder(self.api.endpoint("revoke_api_key"))["fallback"]
        self.assertEqual(fb["method"], "DELETE")
        self.assertIn('detail::path_segment(key_id, "key id")', fb["path"])
        self.assertEqual(fb["container"], "")  # no parameter left for a body or query

    def test_the_generated_core_runs_both_through_execute_dialect(self) -> None:
        text = (REPO / "core/src/endpoints_gen.cpp").read_text()
        for name, family in (("create_api_key", "api_keys"), ("list_api_keys", "api_keys"),
                             ("revoke_api_key", "api_keys"), ("create_webhook", "webhooks"),
                             ("list_webhooks", "webhooks")):
            body = text.split(f"Client::{name}(", 1)[1].split("\n}\n", 1)[0]
            self.assertIn("f.idempotency_key = c.idempotency_key;", body, name)
            self.assertIn(f'impl_->execute_dialect(c, f, "{family}", call)', body, name)

    def test_fallback_paths_are_routes_with_their_endpoints_rules(self) -> None:
        routes = {(r.method, r.path_pattern): r for r in self.api.routes}
        self.assertEqual(routes[("POST", "/apikey/generate")].two_factor, "required")
        self.assertEqual(routes[("DELETE", "/apikey/*")].kind, "write")
        self.assertEqual(routes[("GET", "/webhook/get-webhooks")].kind, "read")

    def refused(self, name: str, **fallback) -> str:
        rows = copy.deepcopy(ROWS)
        endpoint_row(rows, name)["fallback"] = fallback
        with self.assertRaises(api.DescriptionError) as err:
            api.parse(rows)
        self.assertIn(name, str(err.exception))
        return str(err.exception)

    def test_a_fallback_naming_an_unknown_parameter_is_refused(self) -> None:
        self.refused("create_api_key", method="POST", path="/apikey/generate",
                     wire={"label": "key_name"})
        self.refused("rotate_api_key", method="POST", path="/apikey/{id}/rotate")

    def test_a_get_fallback_of_a_write_is_refused(self) -> None:
        self.refused("create_webhook", method="GET", path="/webhook/create-webhook")

    def test_a_paged_endpoint_takes_no_fallback_yet(self) -> None:
        self.refused("list_transactions", method="GET", path="/transactions")

    def test_a_fallback_needs_a_method_and_a_path(self) -> None:
        self.refused("list_webhooks", path="/webhook/get-webhooks")


class SessionRows(unittest.TestCase):
    """auth = "none" (public paths) and session = adopt | refresh (sign-in answers become the
    client's credential; their tokens never reach the caller)."""

    def setUp(self) -> None:
        self.text = (REPO / "core/src/endpoints_gen.cpp").read_text()

    def body(self, name: str) -> str:
        """The method's body, with the request builder's it calls (detail::NAME_call), if any."""
        body = self.text.split(f"Client::{name}(", 1)[1].split("\n}\n", 1)[0]
        built = re.search(r"detail::(?!make_call)(\w+_call)\(", body)
        if built:
            body += self.text.split(f"\nCall {built.group(1)}(", 1)[1].split("\n}\n", 1)[0]
        return body

    def test_public_paths_send_no_credentials(self) -> None:
        for name in ("register_user", "sign_in", "verify_otp", "resend_otp", "passkey_verify"):
            self.assertIn("c.authenticated = false;", self.body(name), name)
        self.assertNotIn("c.authenticated = false;", self.body("google_auth_details"))

    def test_sign_in_answers_are_adopted_and_refresh_sends_the_refresh_token(self) -> None:
        for name in ("verify_otp", "google_auth_verify", "passkey_verify", "refresh_session"):
            body = self.body(name)
            self.assertIn("impl_->adopt_session(p);", body, name)
            self.assertIn("c.sensitive_response = true;", body, name)
        self.assertIn("c.refresh_session = true;", self.body("refresh_session"))

    def test_a_session_row_returning_json_is_refused(self) -> None:
        rows = copy.deepcopy(ROWS)
        endpoint_row(rows, "sign_in")["session"] = "adopt"
        with self.assertRaises(api.DescriptionError) as err:
            api.parse(rows)
        self.assertIn("sign_in", str(err.exception))

    def test_the_session_record_names_no_token(self) -> None:
        a = api.parse(copy.deepcopy(ROWS))
        fields = {f.name for f in a.record("Session").fields}
        self.assertFalse({f for f in fields if "token" in f and f != "token_type"})
        self.assertIsNone(a.record("Session").raw)  # no raw: the answer's tokens stay out


if __name__ == "__main__":
    unittest.main()
