"""Spreadsheet import and export (django-import-export) for the register: the resources
(`register`), their base that imports a whole file in a fixed number of queries (`basis`),
the import preview's cells (`voorvertoning`) and the widgets of the columns (`widgets`)."""

from .basis import RegisterResource, regelfout
from .register import (
    RESOURCE_PER_MODEL,
    BijdrageResource,
    DeelnameResource,
    GemeenteResource,
    JaarcijfersResource,
    SamenwerkingsverbandResource,
    ZetelResource,
)

__all__ = [
    "RESOURCE_PER_MODEL",
    "BijdrageResource",
    "DeelnameResource",
    "GemeenteResource",
    "JaarcijfersResource",
    "RegisterResource",
    "SamenwerkingsverbandResource",
    "ZetelResource",
    "regelfout",
]
