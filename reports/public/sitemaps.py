"""sitemap.xml: every page of the public site (the district, year and report pages)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from reports.models import Publication


class PublishedReportSitemap(Sitemap):
    changefreq = "yearly"

    def items(self):
        return (
            Publication.objects.visible()
            .select_related("report__unit__parent")
            .order_by("report__unit__parent__code", "-report__year", "report__unit__position")
        )

    def location(self, publication):
        return publication.get_absolute_url()

    def lastmod(self, publication):
        return publication.published_at


class PublicIndexSitemap(Sitemap):
    """The index pages: the site, each district, each of its years with published reports."""

    changefreq = "weekly"

    def items(self):
        pages = [("public:index", ())]
        pairs = (
            Publication.objects.visible()
            .values_list("report__unit__parent__code", "report__year")
            .distinct()
            .order_by("report__unit__parent__code", "-report__year")
        )
        districts = []
        for district, year in pairs:
            if district not in districts:
                districts.append(district)
                pages.append(("public:district", (district,)))
            pages.append(("public:year", (district, year)))
        return pages

    def location(self, page):
        name, args = page
        return reverse(name, args=args)


SITEMAPS = {"pages": PublicIndexSitemap, "reports": PublishedReportSitemap}
