"""Untrusted input: every file of a pull request is a stranger's.

One module per concern: `limits` (every limit, with why it is there), `files` (which
files may be read at all, and reading them), `chars` (characters that hide or reorder
text), `frontmatter` (a hand-written page's header) and `sanitize` (raw HTML in
hand-written pages: only the tags and attributes it names survive).
"""
