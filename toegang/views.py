"""The 403 page: which role the account has, what it may change, and who can grant more."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.shortcuts import render

from . import rechten
from .models import RolSoort


def geen_toegang(request, exception=None):
    """For the admin and the pages alike (Django's handler403). Queries for a logged-in
    account: its role (with its arrangements) and the beheerders to ask; none for others."""
    # What was refused, when the refusal says so (`toegang.admin._andermans`: which row).
    context = {"ingelogd": request.user.is_authenticated, "melding": str(exception or "")}
    if request.user.is_authenticated:
        gevonden = rechten.rol(request.user)
        context.update(
            rol=gevonden,
            beheerder=rechten.is_beheerder(request.user),
            verbanden=list(gevonden.samenwerkingsverbanden.all()) if gevonden else [],
            beheerders=list(
                get_user_model()
                .objects.filter(is_active=True)
                .filter(Q(is_superuser=True) | Q(rol__soort=RolSoort.BEHEERDER))
                .order_by("username")
                .only("username", "first_name", "last_name", "email")
            ),
        )
    return render(request, "403.html", context, status=403)
