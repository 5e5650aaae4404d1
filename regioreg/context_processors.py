from django.conf import settings


def regioreg(request):
    """Site-wide template variables: whether this is the synthetic demo."""
    return {"demo": settings.DEMO}
