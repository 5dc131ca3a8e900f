"""The district office (区委依法治区办 / 司法局): everything it sees and does across its units.

dashboard.py          the year's status board, outline carried over, delivered reports as one ZIP
forms.py              the year's set-up: deadline and outline
indicator_forms.py    the indicator catalogue and the cross-indicator rules
views.py              dashboard, set-up, ZIP and 汇编 downloads
indicator_views.py    the indicator matrix, trends, charts, exports, the catalogue
urls.py               the ``district`` URL namespace

It sits at the top with the other views: it may use both apps, and nothing imports it but the URLs.
"""
