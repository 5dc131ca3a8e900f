from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps.views import sitemap
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path

from reports import health
from reports.common.pagecache import public_page
from reports.public.sitemaps import SITEMAPS

admin.site.site_header = "法治年报 管理后台"
admin.site.site_title = "法治年报"
admin.site.index_title = "数据管理"


def favicon(request):
    """Browsers ask for /favicon.ico on every page: the app's icon, not a 404 in the log. Looked up per
    request: in production the static name is hashed, known only once collectstatic has run."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))


urlpatterns = [
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/", include("reports.accounts.urls")),
    path("favicon.ico", favicon),
    path("healthz", health.healthz, name="healthz"),  # no login: for a monitor (reports/health.py)
    path("admin/", admin.site.urls),
    path("district/", include("reports.district.urls")),
    path("public/", include("reports.public.urls")),  # no login: the published reports (reports/public/)
    path("sitemap.xml", public_page(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("", include("reports.urls")),
    path("", include("indicators.urls")),
]
