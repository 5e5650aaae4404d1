"""Who may do what through the API."""

from rest_framework.permissions import SAFE_METHODS, BasePermission


class LezenOfBeheren(BasePermission):
    """Everyone reads (Wgr art. 27 lid 3: the register is public); only staff write.

    Object-level rules per arrangement follow with token authentication (issue 8)."""

    def has_permission(self, request, view):
        return request.method in SAFE_METHODS or bool(request.user and request.user.is_staff)
