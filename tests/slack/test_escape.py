"""Text people typed is shown as typed: no channel pings, no mentions, no disguised links."""

from __future__ import annotations

from integrations.slack.escape import escape_mrkdwn, readable, unescape_slack


def test_escape_control_sequences_show_as_text() -> None:
    typed = "<!channel> ask <@U0BOB> about <https://evil.example|the chart> & more"

    shown = escape_mrkdwn(typed)

    assert "<" not in shown and ">" not in shown
    assert shown == (
        "&lt;!channel&gt; ask &lt;@U0BOB&gt; about "
        "&lt;https://evil.example|the chart&gt; &amp; more"
    )


def test_escape_round_trip_of_what_slack_sends() -> None:
    sent_by_slack = "craving &lt; 3 &amp;&amp; stress &gt; 7 (&amp;lt; stays)"

    typed = unescape_slack(sent_by_slack)

    assert typed == "craving < 3 && stress > 7 (&lt; stays)"
    assert escape_mrkdwn(typed) == sent_by_slack


def test_escape_slack_tokens_become_the_words_the_clinician_saw() -> None:
    wire = (
        "<!channel> <@U0BOB> and <@U0CAROL|carol> in <#C0WARD|ward-3>: "
        "<https://evil.example|the chart> &amp; <https://plain.example> &lt;3"
    )

    assert readable(wire) == (
        "@channel @U0BOB and @carol in #ward-3: the chart (https://evil.example) "
        "& https://plain.example <3"
    )
