"""The public site (/public/): the published reports, for anyone, with no login.

urls.py       the ``public`` URL namespace: districts → years → reports by unit; each report as a page,
              its PDF and .docx; the year's JSON listing and indicator table (CSV too); a district's Atom
              feed; search across published reports
views.py      the pages, every one served through the page cache (reports/common/pagecache.py)
feeds.py      the Atom feed of newly published reports per district
sitemaps.py   sitemap.xml (wired in config/urls.py)

Only what ``Publication.objects.visible()`` gives is ever shown: a draft, a returned, an unpublished or a
withdrawn report is not found (404) at any address here.
"""
