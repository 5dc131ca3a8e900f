from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .models import Report


@login_required
def home(request):
    reports = Report.objects.restrict(request.user).select_related("unit", "updated_by")
    return render(request, "reports/home.html", {"reports": reports})
