"""The built copies lose only what a browser ignores."""
from atlas import minify


def test_html_loses_indentation_but_not_preformatted_text():
    page = "<div>\n    <p>One\n      two</p>\n\n\n  <pre><code>  keep\n    this</code></pre>\n  <textarea>\n  as is</textarea>\n</div>"
    out = minify.html(page)
    assert out == "<div>\n<p>One\ntwo</p>\n<pre><code>  keep\n    this</code></pre>\n<textarea>\n  as is</textarea>\n</div>"


def test_css_loses_comments_and_spaces_but_keeps_strings_and_media_queries():
    sheet = '/* why */\n.a > .b ,\n.c {\n  content: "Targets: ";  /* label */\n  margin: 0 auto;\n}\n@media (max-width: 37em) {\n  .d { color: red; }\n}\n'
    assert minify.css(sheet) == '.a>.b,.c{content: "Targets: ";margin: 0 auto;}@media (max-width: 37em){.d{color: red;}}\n'


def test_scripts_lose_comment_lines_and_indentation_only():
    script = '// what this does\n(function () {\n  // why\n  var url = "https://example.org/x";  // trailing notes stay\n\n  go(url);\n})();\n'
    assert minify.js(script) == '(function () {\nvar url = "https://example.org/x";  // trailing notes stay\ngo(url);\n})();\n'
