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


def test_materials_sheet_loses_only_rules_and_properties_nothing_in_the_site_can_use(tmp_path):
    sheets = tmp_path / "assets" / "stylesheets"
    sheets.mkdir(parents=True)
    (tmp_path / "index.html").write_text('<body data-md-color-primary="indigo"><p class="md-typeset used" id="top">'
                                         'tabbed-set is only words here</p></body>')
    (tmp_path / "app.js").write_text('el.classList.add("md-dialog--active"); x.className = `md-source__fact--${kind}`;')
    sheet = sheets / "main.1234.min.css"
    sheet.write_text(
        ':root{--md-kept-icon:url(\'data:image/svg+xml;charset=utf-8,<svg a="b;c"/>\');--md-gone-icon:url(\'data:x;y\')}'
        ".md-typeset .used{mask-image:var(--md-kept-icon)}"
        ".md-typeset .tabbed-set{mask-image:var(--md-gone-icon)}"  # a class in no attribute and no script
        ".md-dialog--active,.md-banner{opacity:1}"  # one selector of two goes
        ".md-source__fact--stars:before{content:''}"  # built from a prefix by a script
        "#top:not(.md-nowhere){color:red}"  # a class inside :not() rules nothing out
        "@media print{.md-header{display:none}.used{color:#000}}"
        "@keyframes spin{0%{opacity:0}}"
        "[data-md-color-primary=pink]{--md-primary:#e91e63}[data-md-color-primary=indigo]{--md-primary:#3f51b5}")
    (sheets / "other.css").write_text("a{color:var(--md-primary)}")  # the atlas's sheets use Material's properties too
    minify.material_css(tmp_path)
    assert sheet.read_text() == (
        ':root{--md-kept-icon:url(\'data:image/svg+xml;charset=utf-8,<svg a="b;c"/>\');}'
        ".md-typeset .used{mask-image:var(--md-kept-icon)}"
        ".md-dialog--active{opacity:1}"
        ".md-source__fact--stars:before{content:''}"
        "#top:not(.md-nowhere){color:red}"
        "@media print{.used{color:#000}}"
        "@keyframes spin{0%{opacity:0}}"
        "[data-md-color-primary=indigo]{--md-primary:#3f51b5}")
