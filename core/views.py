from django.shortcuts import render


def accessibility(request):
    return render(request, "core/accessibility.html")
