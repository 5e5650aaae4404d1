"""Assertions on the API's problem responses."""


def probleem(antwoord, status: int) -> dict:
    """The problem+json body of an error response, after checking its shape."""
    assert antwoord.status_code == status, antwoord.content
    assert antwoord["Content-Type"] == "application/problem+json"
    assert antwoord["API-Version"] == "1.0.0"
    body = antwoord.json()
    assert body["status"] == status
    assert body["type"].startswith("urn:regioreg:probleem:")
    assert body["title"] and body["detail"]
    return body


def ongeldig(antwoord) -> dict[str, str]:
    """{parameter or field: reason} of a 400 problem response."""
    body = probleem(antwoord, 400)
    return {fout["name"]: fout["reason"] for fout in body["invalidParams"]}
