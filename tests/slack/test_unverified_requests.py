"""Nothing acts on a request that is not verified: whatever the signing headers hold (a timestamp
of "abc" or "1e9", a non-ASCII signature, a header missing), the answer is a 401 and nothing
more: no call to Slack, no post to the response_url the body names, no message to the user it
names, nothing remembered. And a response_url that is not Slack's is never called, even in a
verified request."""

from __future__ import annotations

import http.client
import json
import time
from collections.abc import Iterator
from urllib.parse import urlencode, urlsplit

import pytest
from slack_bolt import App
from slack_bolt.request import BoltRequest
from slack_sdk.signature import SignatureVerifier

from integrations.slack.response_urls import trusted
from integrations.slack.verification import verified
from tests.slack.conftest import SIGNING_SECRET
from tests.slack.fake_slack import TEAM_ID, FakeSlack
from tests.slack.harness import ALICE, SlackSender
from tests.slack.helpers import COVERED, posted_to, settle
from tests.slack.test_signatures import remembered_requests

FORM = "application/x-www-form-urlencoded"
NOW = int(time.time())


def signature(timestamp: str, body: str, secret: str = SIGNING_SECRET) -> str:
    return SignatureVerifier(secret).generate_signature(timestamp=timestamp, body=body)


def header_shapes(body: str) -> dict[str, dict[str, bytes | None]]:
    """Signing headers as a forger or a broken proxy might send them (None: header absent)."""
    good_ts = str(int(time.time()))
    good_sig = signature(good_ts, body)

    def stamp(ts: str) -> dict[str, bytes | None]:
        return {"ts": ts.encode("utf-8"), "sig": signature(ts, body).encode()}

    return {
        "timestamp abc": {"ts": b"abc", "sig": good_sig.encode()},
        "timestamp abc, signed as such": stamp("abc"),
        "timestamp 1e9": stamp("1e9"),
        "timestamp empty": {"ts": b"", "sig": good_sig.encode()},
        "timestamp blank": stamp(" "),
        "timestamp negative": stamp("-1"),
        "timestamp negative now": stamp(f"-{good_ts}"),
        "timestamp plus sign": stamp(f"+{good_ts}"),
        "timestamp fraction": stamp(f"{good_ts}.5"),
        "timestamp zero": stamp("0"),
        "timestamp huge": stamp("9" * 40),
        "timestamp very long": stamp("1" * 4000),
        "timestamp hex": stamp("0x6553f100"),
        "timestamp NaN": stamp("NaN"),
        "timestamp inf": stamp("inf"),
        "timestamp fullwidth digits": stamp("１７００００００００"),
        "timestamp latin-1 bytes": {"ts": b"17\xe900", "sig": good_sig.encode()},
        "timestamp stale": stamp(str(int(good_ts) - 6 * 60)),
        "timestamp in the future": stamp(str(int(good_ts) + 10 * 60)),
        "timestamp missing": {"ts": None, "sig": good_sig.encode()},
        "signature missing": {"ts": good_ts.encode(), "sig": None},
        "both missing": {"ts": None, "sig": None},
        "signature empty": {"ts": good_ts.encode(), "sig": b""},
        "signature non-ASCII": {"ts": good_ts.encode(), "sig": ("v0=" + "é" * 64).encode()},
        "signature emoji": {"ts": good_ts.encode(), "sig": ("v0=" + "✓" * 64).encode()},
        "signature latin-1 bytes": {"ts": good_ts.encode(), "sig": b"v0=\xff" + b"a" * 63},
        "signature v1 scheme": {"ts": good_ts.encode(), "sig": ("v1=" + good_sig[3:]).encode()},
        "signature truncated": {"ts": good_ts.encode(), "sig": good_sig[:20].encode()},
        "signature upper-case hex": {"ts": good_ts.encode(), "sig": good_sig.upper().encode()},
        "signature very long": {"ts": good_ts.encode(), "sig": good_sig.encode() * 60},
        "signature other secret": {
            "ts": good_ts.encode(),
            "sig": signature(good_ts, body, "someone-else").encode(),
        },
        "signature of another body": {
            "ts": good_ts.encode(),
            "sig": signature(good_ts, body + "&x=1").encode(),
        },
    }


def send_raw(url: str, body: str, shape: dict[str, bytes | None]) -> int:
    """POST with header bytes exactly as given (urllib would refuse some of them)."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.putrequest("POST", "/slack/events")
    connection.putheader("Content-Type", FORM)
    connection.putheader("Content-Length", str(len(body.encode())))
    if shape["ts"] is not None:
        connection.putheader("X-Slack-Request-Timestamp", shape["ts"])
    if shape["sig"] is not None:
        connection.putheader("X-Slack-Signature", shape["sig"])
    connection.endheaders(body.encode())
    status = connection.getresponse().status
    connection.close()
    return status


def command_body(response_url: str) -> str:
    return urlencode(
        {
            "team_id": TEAM_ID,
            "user_id": ALICE,
            "channel_id": "C0WARD",
            "command": "/explain",
            "text": COVERED,
            "response_url": response_url,
            "trigger_id": "1.1.forged",
        }
    )


def button_body(response_url: str, payload_json: str | None = None) -> str:
    payload = {
        "type": "block_actions",
        "user": {"id": ALICE, "team_id": TEAM_ID},
        "team": {"id": TEAM_ID},
        "response_url": response_url,
        "container": {"type": "message", "channel_id": "C0WARD", "is_ephemeral": True},
        "actions": [{"action_id": "iv_skip", "value": "not json", "block_id": "b"}],
    }
    return urlencode({"payload": payload_json or json.dumps(payload)})


@pytest.fixture
def elsewhere() -> Iterator[FakeSlack]:
    """Some other server on loopback, recording anything that reaches it."""
    other = FakeSlack().start()
    yield other
    other.stop()


@pytest.mark.parametrize("kind", ["command", "button", "malformed payload"])
def test_unverified_request_of_any_header_shape_is_a_401_and_calls_no_one(
    slack: SlackSender, fake_slack: FakeSlack, slack_settings, kind: str
) -> None:
    response_url = fake_slack.response_url("forged")
    body = {
        "command": command_body(response_url),
        "button": button_body(response_url),
        "malformed payload": button_body(response_url, payload_json="{not json"),
    }[kind]
    before = fake_slack.snapshot()
    shapes = header_shapes(body)
    assert len(shapes) >= 20

    statuses = {name: send_raw(slack.url, body, shape) for name, shape in shapes.items()}

    settle()
    assert {name: s for name, s in statuses.items() if s != 401} == {}
    assert fake_slack.snapshot() == before, "an unverified request made CueMap call out"
    assert remembered_requests(slack_settings) == []


def test_unverified_request_still_verified_correctly_when_well_formed(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    """The same raw path with the right headers is acknowledged: the 401s above are the
    headers' doing, not the test's."""
    response_url = fake_slack.response_url("genuine")
    body = command_body(response_url)
    stamp = str(int(time.time()))
    shape = {"ts": stamp.encode(), "sig": signature(stamp, body).encode()}

    assert send_raw(slack.url, body, shape) == 200
    fake_slack.wait_for(lambda: posted_to(fake_slack, response_url))


def test_unverified_error_in_bolts_own_check_tells_no_one(
    slack_app: tuple[App, object], fake_slack: FakeSlack
) -> None:
    """Behind the WSGI check, Bolt checks again; if its check raises (a timestamp of "abc"),
    the error handler logs and does not answer the body's response_url or user."""
    app, _ = slack_app
    response_url = fake_slack.response_url("bolt-forged")
    request = BoltRequest(
        body=command_body(response_url),
        headers={"x-slack-request-timestamp": "abc", "x-slack-signature": "v0=é"},
    )
    before = fake_slack.snapshot()

    response = app.dispatch(request)

    settle()
    assert 400 <= response.status < 600 and response.status != 200
    assert fake_slack.snapshot() == before


def test_unverified_response_url_of_another_host_is_never_called(
    slack: SlackSender, fake_slack: FakeSlack, elsewhere: FakeSlack
) -> None:
    """Even a verified command whose response_url points elsewhere does not reach that host;
    the clinician is answered by direct message instead."""
    foreign = elsewhere.response_url("hook")
    reply = slack.post(command_body(foreign), FORM, label="/explain elsewhere")

    assert reply.status == 200
    fake_slack.wait_for_calls("chat.postMessage")
    settle()
    assert elsewhere.snapshot() == []


def test_unverified_malformed_but_signed_request_with_foreign_response_url_calls_no_one(
    slack: SlackSender, fake_slack: FakeSlack, elsewhere: FakeSlack
) -> None:
    payload = {"type": "block_actions", "actions": "x", "response_url": elsewhere.url + "/r"}
    body = urlencode({"payload": json.dumps(payload)})

    assert slack.post(body, FORM, label="malformed signed").status == 400

    settle()
    assert elsewhere.snapshot() == []


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://hooks.slack.com/commands/T0/1/abc", True),
        ("https://hooks.slack.com:443/actions/T0/1/abc", True),
        ("http://hooks.slack.com/commands/T0/1/abc", False),
        ("https://hooks.slack.com.evil.example/commands", False),
        ("https://evil.example/hooks.slack.com", False),
        ("https://hooks.slack.com:8443/commands", False),
        ("https://user@evil.example/", False),
        ("https://hooks.slack.com:notaport/", False),
        ("ftp://hooks.slack.com/x", False),
        ("", False),
        (None, False),
        (5, False),
    ],
)
def test_unverified_response_url_trust_rules(url: object, ok: bool) -> None:
    assert (trusted(url, "https://slack.com/api/") is not None) is ok


def test_unverified_verifier_never_raises_on_odd_headers() -> None:
    odd = ["abc", "1e9", "", "-1", "9" * 400, "１２", "\x00", "17\u00e900"]
    for value in odd:
        headers = {"x-slack-request-timestamp": value, "x-slack-signature": value}
        assert not verified(headers, b"", "s")
