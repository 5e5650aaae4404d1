"""The API reference for people, built on the server from the OpenAPI document that
drf-spectacular generates (our Dutch summaries and descriptions are in it).

The document is generated once per process (`openapi_schema`), as is the reference built from
it (`naslag`): generating took seconds, far too long for each request. Both are the same for
every visitor; the page and the /api/v1/openapi.{yaml,json} views only lay them out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from drf_spectacular.generators import SchemaGenerator
from markdown_it import MarkdownIt

METHODEN = ("get", "post", "put", "patch", "delete")
# The tags (resources) that answer the register's core question come first; the rest follow
# in alphabetical order.
VOORAAN = ("gemeenten", "samenwerkingsverbanden", "deelnames", "provincies", "organisaties")
# A path parameter in the curl examples: a real-looking value, or a shell variable the reader
# fills in (the page says so).
VOORBEELDEN = {"cbs_code": "GM0363", "code": "PV27", "uuid": "$UUID"}
# How deep nested objects are written out; deeper (or recursive) objects are named only.
MAX_DIEPTE = 4
JSON, PROBLEEM = "application/json", "application/problem+json"


@cache
def openapi_schema() -> dict:
    """The OpenAPI document as docs/openapi.yaml holds it (no request: the public schema)."""
    with translation.override("nl"):
        return SchemaGenerator().get_schema(request=None, public=True)


_markdown = MarkdownIt("commonmark", {"html": False})


def _html(tekst: str) -> str:
    """Our own descriptions are Markdown (lists of enum values, `code`, links); raw HTML off."""
    return mark_safe(_markdown.render(tekst)) if tekst else ""


@dataclass
class Veld:
    naam: str
    type: str
    uitleg: str
    verplicht: bool
    velden: list[Veld] = field(default_factory=list)
    # A nested object not written out again (too deep, or itself): its name only.
    zie: str = ""


@dataclass
class Parameter:
    naam: str
    waar: str
    type: str
    verplicht: bool
    uitleg: str


@dataclass
class Antwoord:
    status: str
    uitleg: str
    # Media types besides JSON (the page says answers are JSON unless named here).
    formaten: list[str]
    probleem: bool  # a problem (application/problem+json), described once on the page


@dataclass
class Lichaam:
    """The fields of a request or a response body, or a link to where they are written."""

    schema: str
    velden: list[Veld]
    lijst: bool = False  # the body is a list of such objects
    zie_anker: str = ""  # written out earlier on the page, at this anchor
    zie_titel: str = ""
    zie_resultaat: bool = False  # there it is one item of a page's `results`


@dataclass
class Operatie:
    methode: str
    pad: str
    anker: str
    samenvatting: str
    uitleg: str
    openbaar: bool
    parameters: list[Parameter]
    verzoek: Lichaam | None
    antwoord: Lichaam | None
    antwoorden: list[Antwoord]
    curl_opties: list[str]
    curl_adres: str

    @property
    def titel(self) -> str:
        return f"{self.methode} {self.pad}"


@dataclass
class Groep:
    naam: str
    anker: str
    operaties: list[Operatie]


@dataclass
class Naslag:
    titel: str
    uitleg: str
    groepen: list[Groep]
    probleemvelden: list[Veld]


class _Lezer:
    def __init__(self, schema: dict):
        self.schemas = schema.get("components", {}).get("schemas", {})
        # Top-level body schemas already written out on the page: name -> (anchor, title,
        # whether it is one item of a page of results there).
        self.getoond: dict[str, tuple[str, str, bool]] = {}

    def _los_op(self, s: dict) -> tuple[dict, str]:
        """Follow a $ref (also one wrapped in allOf, as drf-spectacular writes nested
        serializers) and return the schema with its component name."""
        naam = ""
        if "allOf" in s and len(s["allOf"]) == 1:
            s = {**s["allOf"][0], **{k: v for k, v in s.items() if k != "allOf"}}
        if "$ref" in s:
            naam = s["$ref"].rsplit("/", 1)[-1]
            eigen = {k: v for k, v in s.items() if k != "$ref"}
            s = {**self.schemas.get(naam, {}), **eigen}
        return s, naam

    def type_van(self, s: dict, uitleg: str = "") -> str:
        """The type in words. The values of an enum are named, unless the description already
        lists them (drf-spectacular writes "* `waarde` - Label" lines)."""
        s, naam = self._los_op(s)
        if "oneOf" in s:
            soorten = [self._los_op(deel)[0] for deel in s["oneOf"]]
            # An enum or a url that may also be blank: name the enum, say "or empty".
            echt = [d for d in soorten if d.get("enum") != [""] and d.get("maxLength") != 0]
            tekst = " of ".join(dict.fromkeys(self.type_van(d, uitleg) for d in echt)) or _("tekst")
            if len(echt) < len(soorten):
                tekst += _(" (of leeg)")
        elif "enum" in s and "* `" in uitleg:
            tekst = _("vaste waarde (zie de uitleg)")
        elif "enum" in s:
            waarden = [w for w in s["enum"] if w not in ("", None)]
            tekst = _("één van: %(waarden)s") % {"waarden": ", ".join(map(str, waarden))}
        elif s.get("type") == "array":
            tekst = _("lijst van %(soort)s") % {"soort": self.type_van(s.get("items", {}))}
        elif s.get("type") == "object" or "properties" in s:
            tekst = _("object %(naam)s") % {"naam": naam} if naam else _("object")
        else:
            tekst = self._eenvoudig(s)
        if s.get("nullable"):
            tekst += _(" of null")
        return tekst

    @staticmethod
    def _eenvoudig(s: dict) -> str:
        formaat, soort = s.get("format"), s.get("type")
        formaten = {
            "date": _("datum (JJJJ-MM-DD)"),
            "date-time": _("tijdstip (ISO 8601)"),
            "uuid": _("uuid"),
            "uri": _("url"),
            "email": _("e-mailadres"),
            "decimal": _("bedrag of getal als tekst (1234.56)"),
        }
        if formaat in formaten:
            return formaten[formaat]
        return {
            "string": _("tekst"),
            "integer": _("geheel getal"),
            "number": _("getal"),
            "boolean": _("ja/nee (true/false)"),
        }.get(soort, soort or _("willekeurig"))

    def velden(self, s: dict, diepte: int = 0, pad: tuple[str, ...] = ()) -> list[Veld]:
        s, _naam = self._los_op(s)
        verplicht = set(s.get("required", ()))
        uitkomst = []
        for naam, eigenschap in s.get("properties", {}).items():
            binnen, binnen_naam = self._los_op(eigenschap)
            if binnen.get("type") == "array":
                binnen, binnen_naam = self._los_op(binnen.get("items", {}))
            veld = Veld(
                naam=naam,
                type=self.type_van(eigenschap, eigenschap.get("description", "")),
                uitleg=_html(eigenschap.get("description", "")),
                verplicht=naam in verplicht,
            )
            if "properties" in binnen:
                if binnen_naam in pad or diepte >= MAX_DIEPTE:
                    veld.zie = binnen_naam
                else:
                    veld.velden = self.velden(binnen, diepte + 1, (*pad, binnen_naam))
            uitkomst.append(veld)
        return uitkomst

    def lichaam(self, inhoud: dict, anker: str, titel: str) -> Lichaam | None:
        """The JSON body of a request or a response: its fields, written out the first time
        the page meets its schema and linked to from then on."""
        json = inhoud.get(JSON) or inhoud.get(PROBLEEM)
        if not json or "schema" not in json:
            return None
        s, naam = self._los_op(json["schema"])
        lijst = False
        if s.get("type") == "array":
            s, naam = self._los_op(s.get("items", {}))
            lijst = True
        # PATCH takes the fields of PUT, each optional: link to PUT's list.
        sleutel = naam.removeprefix("Patched")
        if sleutel in self.getoond:
            eerder_anker, eerder_titel, resultaat = self.getoond[sleutel]
            return Lichaam(naam, [], lijst, eerder_anker, eerder_titel, resultaat)
        if naam and "properties" in s:
            self.getoond[sleutel] = (anker, titel, False)
            # A page of results: one object of it reads as the detail address's answer.
            resultaten = s.get("properties", {}).get("results", {}).get("items", {})
            if naam.startswith("Paginated") and "$ref" in resultaten:
                self.getoond.setdefault(resultaten["$ref"].rsplit("/", 1)[-1], (anker, titel, True))
        velden = self.velden(s, pad=(naam,))
        # A free-form body (e.g. the verbonden-partijen list, with a JSON schema of its own
        # that its description names): nothing to list.
        return Lichaam(naam, velden, lijst) if velden else None


def _parameter(p: dict, lezer: _Lezer) -> Parameter:
    waar = {"path": _("pad"), "query": _("query"), "header": _("kop"), "cookie": _("cookie")}
    return Parameter(
        naam=p["name"],
        waar=waar.get(p["in"], p["in"]),
        type=lezer.type_van(p.get("schema", {}), p.get("description", "")),
        verplicht=bool(p.get("required")),
        uitleg=_html(p.get("description", "")),
    )


def _standaarduitleg(status: str) -> str:
    return {
        "200": _("Gelukt."),
        "201": _("Aangemaakt; het antwoord is het nieuwe object."),
        "204": _("Gelukt, zonder inhoud."),
    }.get(status, "")


def _curl(methode: str, pad: str, operatie: dict, openbaar: bool) -> tuple[list[str], str]:
    """The options of a curl command and the address after the site's own origin."""
    adres = re.sub(r"\{(\w+)\}", lambda t: VOORBEELDEN.get(t.group(1), "$" + t.group(1)), pad)
    verplicht = [
        p for p in operatie.get("parameters", ()) if p["in"] == "query" and p.get("required")
    ]
    if verplicht:
        adres += "?" + "&".join(f"{p['name']}=…" for p in verplicht)
    delen = []
    if methode != "GET":
        delen.append(f"-X {methode}")
    if not openbaar:
        delen.append('-H "Authorization: Token $TOKEN"')
    if methode in ("PUT", "PATCH"):
        delen.append("-H 'If-Match: \"…\"'")
    if "requestBody" in operatie:
        delen += ['-H "Content-Type: application/json"', "-d @gegevens.json"]
    return delen, adres


def _operatie(pad: str, methode: str, o: dict, lezer: _Lezer) -> Operatie:
    anker = "op-" + o.get("operationId", f"{methode}-{pad}").replace("_", "-")
    titel = f"{methode.upper()} {pad}"
    openbaar = any(eis == {} for eis in o.get("security", [{}]))
    opties, adres = _curl(methode.upper(), pad, o, openbaar)
    verzoek = None
    if "requestBody" in o:
        verzoek = lezer.lichaam(o["requestBody"].get("content", {}), anker, titel)
    antwoord, antwoorden = None, []
    for status, a in o.get("responses", {}).items():
        inhoud = a.get("content", {})
        if antwoord is None and status.startswith("2"):
            antwoord = lezer.lichaam(inhoud, anker, titel)
        antwoorden.append(
            Antwoord(
                status=status,
                uitleg=_html(a.get("description") or _standaarduitleg(status)),
                formaten=[m for m in inhoud if m not in (JSON, PROBLEEM)],
                probleem=PROBLEEM in inhoud,
            )
        )
    return Operatie(
        methode=methode.upper(),
        pad=pad,
        anker=anker,
        samenvatting=o.get("summary", ""),
        uitleg=_html(o.get("description", "")),
        openbaar=openbaar,
        parameters=[_parameter(p, lezer) for p in o.get("parameters", ())],
        verzoek=verzoek,
        antwoord=antwoord,
        antwoorden=antwoorden,
        curl_opties=opties,
        curl_adres=adres,
    )


@cache
def naslag() -> Naslag:
    """The whole reference, grouped by tag, in the order of VOORAAN then alphabetical."""
    schema = openapi_schema()
    lezer = _Lezer(schema)
    per_tag: dict[str, list[tuple[str, str, dict]]] = {}
    for pad, item in schema["paths"].items():
        for methode in METHODEN:
            if methode in item:
                tag = (item[methode].get("tags") or ["overig"])[0]
                per_tag.setdefault(tag, []).append((pad, methode, item[methode]))
    volgorde = sorted(
        per_tag, key=lambda t: (t not in VOORAAN, VOORAAN.index(t) if t in VOORAAN else 0, t)
    )
    groepen = [
        Groep(
            naam=tag[:1].upper() + tag[1:],
            anker=f"groep-{tag}",
            operaties=[_operatie(pad, methode, o, lezer) for pad, methode, o in per_tag[tag]],
        )
        for tag in volgorde
    ]
    info = schema.get("info", {})
    probleem = lezer.schemas.get("Probleem", {})
    return Naslag(
        titel=info.get("title", ""),
        uitleg=_html(info.get("description", "")),
        groepen=groepen,
        probleemvelden=lezer.velden(probleem, pad=("Probleem",)) if probleem else [],
    )
