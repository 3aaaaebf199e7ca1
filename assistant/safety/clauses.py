"""Clause scope for ConText cues: a cue governs the phrase it modifies, not the whole sentence.

medspaCy's ConText lets a cue reach every crisis phrase to the end of its sentence (or its
`max_scope`) unless a terminating cue ("but", "so") comes first. That cancels real statements
after an unrelated denial ("Denies cocaine use since March, and wants to die"). Here a cue
reaches a phrase only when nothing between them starts a new clause: a comma, "and", a colon
or a dash ends the cue's clause unless what came before it is a list of crisis phrases
("denies SI, HI or thoughts of self-harm"). A cue that negates a noun ("without his script",
"no money") also stops at a subject pronoun: "without his script *he* talks of jumping" is a
new clause, as is a phrase that opens with one ("no more morphine *I'll* take the lot"), while
"denies *he* wants to die" is not. A cue about someone else ("her brother")
stops at a word that brings the sentence back to the patient ("found *her*", "*he* stopped
breathing"; in a sentence told in the first person only "I" or "me": "my brother says *he*..."
is still the brother; "my" tells whose story it is but brings no phrase back: "I gave *my* mate
naloxone" is the mate's overdose); so does a cue about a film, the news or a lesson ("a
documentary about ... made *me* ..."). A clinician's question ("Have you had thoughts of hurting
yourself?") runs to its question mark, through every clause, unless the asker brings themself in
("Do you think my kids would be better off without *me*?"). A past time ("last year", "in 2019")
reads on into the next clause when that clause is a past event ("a near miss last year, *took* a
load of tramadol and ended up in A&E"), and along its list of events as over plain words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from assistant.safety.config import Context, ContextRule

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ABOUT_OTHERS = frozenset({"OTHER_PERSON", "TOPIC"})
QUESTION = "QUESTION"
OnModifies = Callable[["Span", "Span", "Span"], bool]


class Clauses:
    def __init__(self, context: Context, group: str) -> None:
        self._breaks = frozenset(b.lower() for b in context.clause_breaks)
        self._openers = frozenset(o.lower() for o in context.clause_openers)
        self._glue = frozenset(g.lower() for g in context.list_glue)
        self._subjects = frozenset(p.lower() for p in context.subject_pronouns)
        self._patient = frozenset(p.lower() for p in context.patient_pronouns)
        self._first = frozenset(p.lower() for p in context.first_person)
        self._past = frozenset(p.lower() for p in context.past_tense)
        self._possessive = frozenset(p.lower() for p in context.possessive)
        self._group = group

    def reaches(self, rule: ContextRule) -> OnModifies:
        """medspaCy's `on_modifies` callback for a rule of this category and reach.

        The reach (`max_scope` tokens) is checked here rather than by medspaCy: its scopes are
        compared with a one-sided overlap test (medspacy.util.tuple_overlaps), so a cue with a
        short scope is never cut by a terminating cue ("not X but Y"), and a cue inside a
        phrase ("can't go on") would negate the phrase itself."""

        category, max_scope = rule.category, rule.max_scope
        subjects = self._subjects if rule.stops_at_subject else frozenset()
        # a past-tense phrase may open the next clause of a past story
        starts = self._openers - self._past if rule.past_narrative else self._openers
        # ... and reads on along its list of events as over plain words
        reach = self._words if rule.past_narrative else _count

        def on_modifies(target: Span, modifier: Span, _between: Span) -> bool:
            doc = target.doc
            if target.start <= modifier.start and modifier.end <= target.end:
                return False
            between = _between_tokens(doc, target, modifier)
            if max_scope is not None and reach(between, target) >= max_scope:
                return False
            if category == QUESTION:  # a question runs to its "?", unless the asker is in it
                return not any(t.lower_ in self._first for t in [*between, *target])
            if category in ABOUT_OTHERS and self._back_to_patient([*between, *target], target):
                return False
            if any(token.lower_ in subjects for token in between):
                return False
            if modifier.end <= target.start and len(target) and target[0].lower_ in subjects:
                return False  # a phrase that opens with its subject is a clause of its own
            return self._one_clause(doc, between, target, starts)

        return on_modifies

    def _words(self, tokens: list[Token], target: Span) -> int:
        """The tokens a cue reaches over, less those of other crisis phrases: a past time reaches
        as far along a story's list of events as over plain words ("two years ago, took a load
        of co-codamol and ended up in A&E")."""
        phrases = self._other_phrases(target)
        return sum(not any(s.start <= t.i < s.end for s in phrases) for t in tokens)

    def _other_phrases(self, target: Span) -> list[Span]:
        spans = target.doc.spans[self._group]
        return [s for s in spans if (s.start, s.end) != (target.start, target.end)]

    def _back_to_patient(self, tokens: Iterable[Token], target: Span) -> bool:
        """A patient's word among the tokens; in a first-person sentence ("my brother says he
        will kill himself"), "he" and "she" are someone else and only "I" or "me" count."""
        sentence = target.sent if target.doc.has_annotation("SENT_START") else target.doc[:]
        first_person = bool(self._first) and any(t.lower_ in self._first for t in sentence)
        patient = self._first - self._possessive if first_person else self._patient
        return any(token.lower_ in patient for token in tokens)

    def _one_clause(
        self, doc: Doc, tokens: list[Token], target: Span, starts: frozenset[str]
    ) -> bool:
        """Walking from the cue to the phrase, every clause break closes a list: crisis phrases
        and glue words ("thoughts of", "intent"), nothing else."""
        phrases = self._other_phrases(target)
        other = after_break = False
        for token in tokens:
            if token.is_space:
                continue
            if after_break and token.lower_ in starts:
                return False
            after_break = False
            if any(s.start <= token.i < s.end for s in phrases):
                other = False  # a list runs on from a phrase: "went blue and stopped breathing"
                continue
            if token.lower_ in self._breaks:
                if other:
                    return False
                after_break = True
            elif not (token.is_punct or token.lower_ in self._glue):
                other = True
        return not (after_break and _starts_with_opener(target, starts))


def _count(tokens: list[Token], _target: Span) -> int:
    return len(tokens)


def _starts_with_opener(target: Span, openers: frozenset[str]) -> bool:
    return len(target) > 0 and target[0].lower_ in openers


def _between_tokens(doc: Doc, target: Span, modifier: Span) -> list[Token]:
    """The tokens between cue and phrase, in the order read from the cue."""
    if modifier.start >= target.end:
        return list(reversed(doc[target.end : modifier.start]))
    return list(doc[modifier.end : target.start])
