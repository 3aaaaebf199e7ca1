"""Coverage from what a question names: a drug, a scale or an acronym the corpus lacks."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.corpus.models import Chunk
from assistant.retrieval.coverage import assess, uncovered_terms
from assistant.retrieval.lexical import LexicalIndex, stems
from assistant.retrieval.models import Hit

CORPUS_TEXT = (
    "The drug may start the addiction. Dopamine firing shifts to the cue. Withdrawal state, "
    "craving, conditioning. Methylphenidate blocks dopamine reuptake. Pregabalin and gabapentin "
    "bind the alpha2delta subunit. Depression, serotonin, glutamate, inflammation."
)
VOCABULARY = frozenset(stems(CORPUS_TEXT))
CHUNK = Chunk("c1", CORPUS_TEXT, "s", 0, "T", "A", "", "", "", 1, 1, 1)


def _hits(similarity: float) -> list[Hit]:
    return [Hit(CHUNK, similarity, similarity, 1, 1)]


def test_coverage_full_when_every_specific_term_is_in_the_corpus() -> None:
    coverage = assess(
        "How does dopamine make a cue drive craving?", _hits(0.6), 0.28, VOCABULARY, stems
    )
    assert coverage.level == "full" and coverage.not_covered == ()


def test_coverage_partial_names_the_drug_the_corpus_never_mentions() -> None:
    coverage = assess(
        "Does lofexidine ease withdrawal craving?", _hits(0.5), 0.28, VOCABULARY, stems
    )
    assert coverage.level == "partial"
    assert coverage.not_covered == ("lofexidine",)
    assert coverage.notice == "The sources do not mention lofexidine."


def test_coverage_counts_a_brand_as_covered_when_the_corpus_uses_its_generic_name() -> None:
    missing, covered = uncovered_terms("How does Ritalin work?", VOCABULARY, stems)
    assert missing == () and "Ritalin" in covered


def test_coverage_treats_scales_and_acronyms_as_specific_terms() -> None:
    missing, _ = uncovered_terms(
        "Is the PHQ-9 or the AUDIT better for depression?", VOCABULARY, stems
    )
    assert missing == ("PHQ-9", "AUDIT")


def test_coverage_ignores_ordinary_words_placeholders_and_contractions() -> None:
    question = "[NAME] says she wasn't dampened, she's shaky when the craving comes"
    missing, _ = uncovered_terms(question, VOCABULARY, stems)
    assert missing == ()


def test_coverage_none_when_nothing_the_question_asks_about_is_in_the_corpus() -> None:
    coverage = assess("How do I score the PHQ-9?", _hits(0.45), 0.28, VOCABULARY, stems)
    assert coverage.level == "none" and coverage.not_covered == ("PHQ-9",)


def test_coverage_none_below_the_similarity_threshold_and_for_doses() -> None:
    low = assess("Who won the World Cup?", _hits(0.05), 0.28, VOCABULARY, stems)
    dose = assess("What dose of pregabalin for craving?", _hits(0.7), 0.28, VOCABULARY, stems)
    assert low.level == "none" and "do not cover" in low.reason
    assert dose.level == "none" and "doses" in dose.reason


def _passage(text: str, similarity: float) -> list[Hit]:
    chunk = Chunk("c2", text, "s", 0, "T", "A", "", "", "", 1, 1, 1)
    return [Hit(chunk, similarity, similarity, 1, 1)]


def test_coverage_names_a_condition_the_library_never_mentions() -> None:
    coverage = assess(
        "How do I treat community-acquired pneumonia in adults?",
        _hits(0.33),
        0.28,
        VOCABULARY | frozenset(stems("treatment community")),
        stems,
    )
    assert coverage.level == "partial" and coverage.not_covered == ("pneumonia",)


def test_coverage_names_alcohol_or_cannabis_though_they_are_everyday_words() -> None:
    coverage = assess(
        "Is gabapentin any good for alcohol use disorder?",
        _hits(0.5),
        0.28,
        VOCABULARY | frozenset(stems("use disorder")),
        stems,
    )
    assert coverage.level == "partial" and coverage.not_covered == ("alcohol",)
    missing, _ = uncovered_terms("why does smoking cannabis make me crave more?", VOCABULARY, stems)
    assert missing == ("cannabis",)


def test_coverage_counts_a_substance_the_corpus_names() -> None:
    vocabulary = VOCABULARY | frozenset(stems("alcohol"))
    missing, covered = uncovered_terms("Why is alcohol craving worse at night?", vocabulary, stems)
    assert missing == () and "alcohol" in covered


def test_coverage_reads_a_drug_inside_a_hyphenated_word() -> None:
    missing, covered = uncovered_terms(
        "Can psilocybin-assisted sessions ease craving?", VOCABULARY, stems
    )
    assert missing == ("psilocybin",) and "craving" in covered


def test_coverage_counts_a_word_whose_family_the_corpus_uses() -> None:
    vocabulary = VOCABULARY | frozenset(stems("impulsivity"))
    missing, covered = uncovered_terms("Why is impulse control weak?", vocabulary, stems)
    assert "impulse" in covered and missing == ()


def test_a_patients_story_far_in_meaning_is_answered_when_the_passage_shares_its_words() -> None:
    passage = "A trigger is learned: the brain pairs use with the argument, payday, the bar."
    story = "My client always uses on payday. Is that a recognised trigger?"

    vocabulary = VOCABULARY | frozenset(stems(passage))

    coverage = assess(story, _passage(passage, 0.14), 0.28, vocabulary, stems)

    assert coverage.level == "full"


def test_an_unrelated_question_far_in_meaning_is_declined_whatever_the_words() -> None:
    passage = "Functional recovery: can the patient initiate, plan and sustain daily activity?"
    unrelated = "How should a broken wrist be immobilised?"

    assert assess(unrelated, _passage(passage, 0.15), 0.28, VOCABULARY, stems).level == "none"
    assert assess(unrelated, _passage(passage, 0.05), 0.28, VOCABULARY, stems).level == "none"


def _with_pairs(text: str) -> frozenset[str]:
    """A vocabulary as the lexical index gives it: stems and adjacent stem pairs."""
    index = LexicalIndex.build(["c1"], [text], "f")
    return index.vocabulary()


def test_coverage_names_a_method_the_corpus_never_uses_even_in_common_words() -> None:
    vocabulary = _with_pairs(
        "Motivation and craving: the interview maps cues. Psychodynamic psychotherapy is "
        "built on attachment. Cognitive control weakens; treatment moves upstream."
    )
    for question, method in [
        ("What is motivational interviewing?", "motivational interviewing"),
        ("How does cognitive remediation help in schizophrenia?", "cognitive remediation"),
    ]:
        missing, _ = uncovered_terms(question, vocabulary, stems)
        assert method in missing

    used, _ = uncovered_terms("What does psychodynamic therapy rest on?", vocabulary, stems)
    plain, _ = uncovered_terms("What is the best therapy for craving?", vocabulary, stems)
    assert used == () and plain == ()  # "psychotherapy" holds "therapy"; "best" names nothing


def test_lexical_index_keeps_its_word_pairs_and_rebuilds_an_index_saved_without_them(
    tmp_path: Path,
) -> None:
    built = LexicalIndex.build(["c1"], ["motivational interviewing works"], "f")
    built.save(tmp_path / "lexical")

    loaded = LexicalIndex.load(tmp_path / "lexical")
    assert loaded is not None and "motiv interview" in loaded.vocabulary()

    saved = tmp_path / "lexical" / "ids.json"
    saved.write_text(json.dumps({"fingerprint": "f", "ids": ["c1"]}))  # as 0.3.0 saved it
    assert LexicalIndex.load(tmp_path / "lexical") is None


def test_coverage_declines_a_taper_pregnancy_or_monitoring_question_the_threads_never_answer() -> (
    None
):
    for question, reason in [
        ("How fast should I taper gabapentin after misuse?", "doses"),
        ("Should pregabalin be stopped when she finds out she is pregnant?", "safety in use"),
        ("How often should pulse and blood pressure be checked on methylphenidate?", "monitoring"),
    ]:
        coverage = assess(question, _hits(0.6), 0.28, VOCABULARY, stems)
        assert coverage.level == "none" and reason in coverage.reason, question


def test_coverage_declines_asking_for_a_study_or_a_figure_the_threads_never_give() -> None:
    for question, reason in [
        ("Which trial showed naltrexone cuts cue-driven drinking?", "studies"),
        ("Who first described dopamine firing to the cue rather than the reward?", "studies"),
        ("What proportion of patients relapse in the first year after detox?", "figures"),
        ("How likely is it that someone with psychosis gets back to work?", "figures"),
    ]:
        coverage = assess(question, _hits(0.6), 0.28, VOCABULARY, stems)
        assert coverage.level == "none" and reason in coverage.reason, question
    # mechanism questions near those words are answered as before
    for question in [
        "Why do cues raise relapse risk?",
        "How many steps lead from the cue to craving?",
    ]:
        assert assess(question, _hits(0.6), 0.28, VOCABULARY, stems).level != "none", question


def test_coverage_names_an_eponymous_scale_or_syndrome_even_when_redacted() -> None:
    for question, term in [
        ("How is the Conners rating scale used with methylphenidate?", "Conners rating scale"),
        ("Is Korsakoff syndrome a withdrawal state?", "Korsakoff syndrome"),
        ("How do I use the [NAME] scale for craving?", "[NAME] scale"),
    ]:
        missing, _ = uncovered_terms(question, VOCABULARY, stems)
        assert term in missing, question
    # a common opening word or a drug before the head is no eponym
    assert uncovered_terms("What test shows craving?", VOCABULARY, stems)[0] == ()


def test_coverage_declines_how_to_misuse_a_medicine_or_hide_use_whatever_the_sources_hold() -> None:
    for question in [
        "How can I crush my pregabalin so it hits faster and gives a bigger buzz?",
        "How would someone pass a urine screen after using at the weekend?",
        "How do I get an early script of gabapentin without anyone noticing?",
        "Can I crush my Concerta and snort it so it hits faster before my exams?",
        "Is it safe to boof my pills if I can't swallow them?",
        "How do I get high on my gabapentin?",
    ]:
        coverage = assess(question, _hits(0.7), 0.28, VOCABULARY, stems)
        assert coverage.level == "none" and "misuse" in coverage.reason, question
    for question in [  # the mechanism of getting high, or of a craving, is the corpus's topic
        "Why does getting high with the same friends make them a cue?",
        "How does methylphenidate block dopamine reuptake?",
        "How can I get more out of relapse prevention with him?",
        "What is the best way to explain cue-driven craving to a patient?",
        "Can someone get high just from seeing the cue, before any drug?",
    ]:
        assert assess(question, _hits(0.7), 0.28, VOCABULARY, stems).level != "none", question


def test_coverage_declines_a_comparison_when_the_sources_hold_one_side_only() -> None:
    coverage = assess(
        "Who is better placed to treat craving, a psychiatrist or a counsellor?",
        _hits(0.6),
        0.28,
        VOCABULARY,
        stems,
    )
    assert coverage.level == "none"
    assert coverage.reason == "The sources do not compare psychiatrist and counsellor."
    for question in [  # both sides in the sources, in a noun's or an adjective's form
        "What is the difference between dopamine and serotonin in depression?",
        "Methylphenidate vs pregabalin?",
    ]:
        assert assess(question, _hits(0.6), 0.28, VOCABULARY, stems).level != "none", question
