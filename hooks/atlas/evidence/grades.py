"""The grade of an answer: how sure the atlas is, computed from the designs of the sources
behind it and whether sources disagree. Never typed by hand.

`grade(supporting, against)` is the one function; RULES is the same logic in words, which
the About page prints (so the text and the code sit side by side, and the tests hold both).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..bibliography import DESIGNS, TIERS
from ..claims import ref_key

# tiers from strongest to weakest (bibliography.TIERS gives each design its tier)
ORDER = ("review", "training", "acute", "opinion")
LETTERS = ("A", "B", "C", "D")
RULES = (
    ("A", "a systematic review or meta-analysis of training studies, or two or more training studies (randomised "
          "or controlled trials, training studies, cohorts that measure the outcome over time) that agree"),
    ("B", "one training study or trial"),
    ("C", "acute studies only: one-session, EMG, laboratory or cross-sectional studies, case series, preprints, "
          "and systematic reviews or meta-analyses of such studies"),
    ("D", "expert opinion only: web articles, textbooks, commentaries, narrative reviews, position stands, reports"),
)
LOWERED = ("a source that disagrees with the answer, of a kind of evidence that ranks at or above the best "
           "supporting one, lowers the grade one step (D stays D)")
INDIRECT = ("an answer resting only on studies of a close variant, not of the exercise the question asks about "
            "(the question names the variant), is lowered one step (D stays D); both lowerings can apply")
TIER_LABELS = {"review": "Reviews", "training": "Training studies", "acute": "Acute studies", "opinion": "Expert opinion"}


def rules_markdown() -> str:
    """The rules as the About page shows them: the grades, the lowering, and which kind of evidence counts as what."""
    from ..text import md_text

    lines = [f"- **{letter}**: {md_text(text)}." for letter, text in RULES]
    lines.append(f"- **Disagreement**: {md_text(LOWERED)}.")
    lines.append(f"- **Indirect evidence**: {md_text(INDIRECT)}.")
    lines += ["", "| Rank | Kinds of evidence |", "| --- | --- |"]
    for tier in ORDER:
        kinds = ", ".join(DESIGNS[d] for d, t in TIERS.items() if t == tier)
        lines.append(f"| {TIER_LABELS[tier]} | {md_text(kinds)} |")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Grade:
    letter: str  # A, B, C or D
    basis: str  # what it rests on, in words
    lowered: bool = False  # a disagreeing source, or evidence from a close variant only, lowered it

    @property
    def rule(self) -> str:
        return dict(RULES)[self.letter]


ACUTE_REVIEW = " of acute studies"  # bibliography.evidence(): a review that pools acute studies


def _tier(design: str) -> str:
    return "acute" if design.endswith(ACUTE_REVIEW) else TIERS.get(design, "opinion")


_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _count(n: int, one: str, many: str) -> str:
    return f"{_WORDS[n] if n < len(_WORDS) else n} {one if n == 1 else many}"


def grade(supporting: list[str], against: list[str] = (), indirect: bool = False) -> Grade:
    """The grade from the `design`s of the distinct sources behind an answer and of those against it;
    `indirect`: the sources studied a close variant, not the exercise asked about."""
    tiers = [_tier(d) for d in supporting]
    reviews, training = tiers.count("review"), tiers.count("training")
    if reviews:
        level, basis = 0, _count(reviews, "systematic review or meta-analysis", "systematic reviews or meta-analyses")
    elif training >= 2:
        level, basis = 0, f"{_count(training, 'training study', 'training studies')} that agree"
    elif training == 1:
        level, basis = 1, "one training study or trial"
    elif "acute" in tiers:
        pooled = sum(d.endswith(ACUTE_REVIEW) for d in supporting)
        level, basis = 2, "acute studies only" + (f" ({_count(pooled, 'review', 'reviews')} of them among the sources)" if pooled else "")
    else:
        level, basis = 3, "expert opinion only"
    best = min((ORDER.index(t) for t in tiers), default=len(ORDER) - 1)
    opposed = [ORDER.index(_tier(d)) for d in against]
    lowered = any(rank <= best for rank in opposed)
    if lowered:
        strongest = min(opposed)
        design = next(d for d in against if ORDER.index(_tier(d)) == strongest)
        kind = DESIGNS.get(design.removesuffix(ACUTE_REVIEW), "source").lower() + design[len(design.removesuffix(ACUTE_REVIEW)):]
        basis += f"; lowered one step: a {kind} disagrees"
        level = min(level + 1, len(LETTERS) - 1)
    if indirect:
        basis += "; lowered one step: the studies tested a close variant, not this exercise"
        level = min(level + 1, len(LETTERS) - 1)
    return Grade(LETTERS[level], basis, lowered or indirect)


def untested_here(question: dict, exercise: str | None) -> bool:
    """The question shows on this exercise's page, but its studies tested other exercises (`tested`)."""
    return exercise is not None and "tested" in question and exercise not in question["tested"]


def grade_question(bib, question: dict, exercise: str | None = None) -> Grade:
    """A question's grade, from its `refs`, `against` (each source counted once) and `indirect`; on the
    page of `exercise`, also lowered where the studies tested other exercises."""
    def designs(items):
        keys = dict.fromkeys(ref_key(item) for item in items)
        return [bib.evidence(k) for k in keys if k in bib]

    return grade(designs(question["refs"]), designs(question.get("against", [])), bool(question.get("indirect")) or untested_here(question, exercise))
