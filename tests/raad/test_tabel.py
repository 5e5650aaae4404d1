"""The one markup of a data table ({% tabel %}): scroll region, caption, header row, body."""

import pytest
from django.template import Context, Template, TemplateSyntaxError


def _render(bron: str, **context) -> str:
    return Template("{% load i18n tabel %}" + bron).render(Context(context))


def test_a_table_gets_its_region_caption_header_row_and_body():
    html = _render(
        '{% tabel bijschrift=titel label=_("Tabel, horizontaal te scrollen") klasse="cijfers" '
        'id="raden" %}{% kolom _("Gemeente") %}{% kolom kop getal %}'
        "{% for r in rijen %}<tr><th>{{ r }}</th></tr>{% endfor %}{% endtabel %}",
        titel="Bijdragen in 2026",
        kop="Begroot 2026",
        rijen=["Utrecht", "Zeist"],
    )
    assert html == (
        '<div class="tabelrol" tabindex="0" role="region" '
        'aria-label="Tabel, horizontaal te scrollen">\n'
        '<table class="cijfers" id="raden">\n<caption>Bijdragen in 2026</caption>\n'
        '<thead><tr><th scope="col">Gemeente</th>'
        '<th scope="col" class="getal">Begroot 2026</th></tr></thead>\n'
        "<tbody><tr><th>Utrecht</th></tr><tr><th>Zeist</th></tr></tbody>\n</table>\n</div>"
    )


def test_text_from_the_data_is_escaped_and_row_groups_bring_their_own_body():
    html = _render(
        "{% tabel bijschrift=titel label=titel rijgroepen %}{% kolom kop %}"
        "<tbody><tr><td>1</td></tr></tbody>{% endtabel %}",
        titel="<b>R&D</b>",
        kop="<i>kop</i>",
    )
    assert "<caption>&lt;b&gt;R&amp;D&lt;/b&gt;</caption>" in html
    assert 'aria-label="&lt;b&gt;R&amp;D&lt;/b&gt;"' in html
    assert '<th scope="col">&lt;i&gt;kop&lt;/i&gt;</th>' in html
    assert html.count("<tbody>") == 1
    assert "<table>" in html


_MET_LEEG = (
    '{% tabel bijschrift="Deelnemers" label="Deelnemers" leeg=leeg %}{% kolom "Deelnemer" %}'
    "{% for r in rijen %}<tr><th>{{ r }}</th></tr>{% endfor %}{% endtabel %}"
)


def test_without_rows_the_reader_gets_the_empty_line_and_no_table():
    html = _render(_MET_LEEG, leeg="Er zijn geen deelnemers <vastgelegd>.", rijen=[])
    assert html == "<p>Er zijn geen deelnemers &lt;vastgelegd&gt;.</p>"


def test_with_rows_the_empty_line_is_not_shown():
    html = _render(_MET_LEEG, leeg="Er zijn geen deelnemers vastgelegd.", rijen=["Utrecht"])
    assert "<tbody><tr><th>Utrecht</th></tr></tbody>" in html
    assert 'role="region"' in html
    assert "geen deelnemers" not in html


def test_without_an_empty_line_an_empty_body_still_gets_its_table():
    html = _render('{% tabel bijschrift="Zetels" label="Zetels" %}{% kolom "Wie" %}{% endtabel %}')
    assert "<caption>Zetels</caption>" in html
    assert "<tbody></tbody>" in html


@pytest.mark.parametrize(
    ("bron", "melding"),
    [
        ('{% tabel bijschrift="a" label="b" kleur="rood" %}{% endtabel %}', "onbekende optie"),
        ('{% tabel label="b" %}{% endtabel %}', "bijschrift= ontbreekt"),
        ('{% tabel bijschrift="a" label="b" %}{% kolom "x" breed %}{% endtabel %}', "eventueel"),
    ],
)
def test_a_mistake_in_the_template_is_named(bron, melding):
    with pytest.raises(TemplateSyntaxError, match=melding):
        _render(bron)


_LIJST = (
    '{% lijst klasse="documenten" leeg=leeg %}'
    "{% for r in items %}<li>{{ r }}</li>{% endfor %}{% endlijst %}"
)


def test_a_list_gets_its_items_in_one_ul():
    html = _render(_LIJST, leeg="Geen documenten.", items=["Begroting", "R&D"])
    assert html == '<ul class="documenten"><li>Begroting</li><li>R&amp;D</li></ul>'


def test_a_list_without_items_shows_the_empty_line_and_no_list():
    html = _render(_LIJST, leeg="Geen <documenten>.", items=[])
    assert html == "<p>Geen &lt;documenten&gt;.</p>"


def test_a_list_without_items_and_without_an_empty_line_shows_nothing():
    html = _render("{% lijst %}{% for r in items %}<li>{{ r }}</li>{% endfor %}{% endlijst %}")
    assert html == ""


def test_a_mistake_in_a_list_is_named():
    with pytest.raises(TemplateSyntaxError, match="onbekende optie 'label="):
        _render('{% lijst label="x" %}{% endlijst %}')
