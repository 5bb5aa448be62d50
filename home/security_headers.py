"""Security headers Django does not set itself: a Content-Security-Policy chosen by path, and
Permissions-Policy.

Public pages get the strict `CONTENT_SECURITY_POLICY` (no inline script or style). Wagtail's
admin still relies on inline scripts and styles: paths under
`ADMIN_CONTENT_SECURITY_POLICY["URL_PREFIXES"]` get that looser policy instead. So do previews:
Wagtail renders them by sending a simulated request for the page's public URL through the
middleware (`request.is_preview`), and shows the result in an iframe of the admin. A view may
still choose its own policy with django-csp's decorators.
"""

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's own policy for the admin and its previews."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        admin = settings.ADMIN_CONTENT_SECURITY_POLICY
        for_admin = request.path_info.startswith(tuple(admin["URL_PREFIXES"])) or getattr(
            request, "is_preview", False
        )
        if for_admin and not report_only and parts.config is None:
            parts.config = default_config(admin["DIRECTIVES"])
        return parts


class PermissionsPolicyMiddleware:
    """Deny the browser features the hub never uses, to its pages and to anything they frame."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DENIED)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response
