from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Membership, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(User)
class PlatformUserAdmin(UserAdmin):
    inlines = [MembershipInline]
