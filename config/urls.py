from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from reports import health
from reports.common.pagecache import public_page
from reports.public.sitemaps import SITEMAPS

admin.site.site_header = "法治年报 管理后台"
admin.site.site_title = "法治年报"
admin.site.index_title = "数据管理"

urlpatterns = [
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/", include("reports.accounts.urls")),
    path("healthz", health.healthz, name="healthz"),  # no login: for a monitor (reports/health.py)
    path("admin/", admin.site.urls),
    path("district/", include("reports.district.urls")),
    path("public/", include("reports.public.urls")),  # no login: the published reports (reports/public/)
    path("sitemap.xml", public_page(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("", include("reports.urls")),
    path("", include("indicators.urls")),
]
