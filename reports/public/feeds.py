"""The Atom feed of a district's newly published reports, for a portal or a feed reader."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from reports.common.pagecache import public_page
from reports.models import Publication, Unit
from reports.publishing import published_title

FEED_ITEMS = 50


class DistrictFeed(Feed):
    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        return public_page(super().__call__)(request, *args, **kwargs)

    def get_object(self, request, district):
        return get_object_or_404(Unit, code=district, kind=Unit.Kind.DISTRICT)

    def title(self, district):
        return f"{district.name}法治政府建设年度报告公开"

    def subtitle(self, district):
        return f"{district.name}各单位新公开的法治政府建设年度报告"

    def link(self, district):
        return reverse("public:district", args=[district.code])

    def items(self, district):
        return (
            Publication.objects.visible()
            .filter(report__unit__parent=district)
            .select_related("report__unit__parent")
            .order_by("-published_at", "-pk")[:FEED_ITEMS]
        )

    def item_title(self, publication):
        return f"{published_title(publication)}（{publication.report.year}年度）"

    def item_description(self, publication):
        report = publication.report
        return (
            f"{report.unit.name}{report.year}年度法治政府建设情况的报告，PDF的SHA-256：{publication.sha256}"
        )

    def item_link(self, publication):
        return publication.get_absolute_url()

    def item_pubdate(self, publication):
        return publication.published_at

    def item_updateddate(self, publication):
        return publication.published_at

    def item_author_name(self, publication):
        return publication.report.unit.name
