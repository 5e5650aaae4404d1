"""What a page says, for tests that look for a phrase in it."""


def paginatekst(antwoord) -> str:
    """The response's HTML with every run of white space folded to one space, so that a test
    finds a phrase that the template breaks over lines, and without the `<wbr>` where a long
    word may break (raad.templatetags.regioreg.afbreekbaar): a test finds the word whole."""
    return " ".join(antwoord.content.decode().replace("<wbr>", "").split())
