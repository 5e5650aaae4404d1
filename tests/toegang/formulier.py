"""What a browser would post for an admin change page: every field of its form, as shown."""

from lxml import html


def formulier_gegevens(antwoord) -> dict[str, list[str]]:
    """The values of every input, select and textarea of the page's main form, as a browser
    submits them (unchecked boxes left out). Values are lists, ready for a test client post."""
    assert antwoord.status_code == 200, antwoord.status_code
    pagina = html.fromstring(antwoord.content)
    # Django's admin names its change form `<model>_form`; the header also has a logout form.
    (formulier,) = pagina.xpath(
        "//form[@method='post' and substring(@id, string-length(@id) - 4) = '_form']"
    )
    gegevens: dict[str, list[str]] = {}
    for element in formulier.xpath(".//input | .//select | .//textarea"):
        naam = element.get("name")
        if not naam or "__prefix__" in naam or element.get("disabled") is not None:
            continue
        if element.tag == "select":
            gekozen = [o.get("value", o.text or "") for o in element.xpath(".//option[@selected]")]
            if not gekozen and element.get("multiple") is None:
                eerste = element.xpath(".//option")
                gekozen = [eerste[0].get("value", "")] if eerste else []
            waarden = gekozen
        elif element.tag == "textarea":
            waarden = [element.text or ""]
        elif element.get("type") in ("checkbox", "radio"):
            if element.get("checked") is None:
                continue
            waarden = [element.get("value", "on")]
        elif element.get("type") in ("submit", "button", "image", "file"):
            continue
        else:
            waarden = [element.get("value", "")]
        gegevens.setdefault(naam, []).extend(waarden)
    return gegevens
