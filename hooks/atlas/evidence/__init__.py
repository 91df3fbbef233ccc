"""Evidence from the research itself: what the atlas read of each study, pinpoints, study
summaries, questions with computed grades, and the coverage of every exercise.

- checks.py: the A9xx rules (pinpoints, what was read and where, study files, coverage).
- grades.py: the grade of an answer, from the designs of its sources and their agreement.
"""
