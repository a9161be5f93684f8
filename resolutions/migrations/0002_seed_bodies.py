"""Seed the issuing bodies with their codes and full names."""

from django.db import migrations

BODIES = [
    ("GA", "General Assembly"),
    ("ECOSOC", "Economic and Social Council"),
    ("SC", "Security Council"),
    ("HRC", "Human Rights Council"),
    ("CCPCJ", "Commission on Crime Prevention and Criminal Justice"),
    ("CND", "Commission on Narcotic Drugs"),
    (
        "COP-UNTOC",
        "Conference of the Parties to the United Nations Convention against Transnational Organized Crime",
    ),
    (
        "COSP-UNCAC",
        "Conference of the States Parties to the United Nations Convention against Corruption",
    ),
    ("CONGRESS", "United Nations Congress on Crime Prevention and Criminal Justice"),
    ("OTHER", "Other bodies"),
]


def add_bodies(apps, schema_editor):
    Body = apps.get_model("resolutions", "Body")
    for code, name in BODIES:
        Body.objects.update_or_create(code=code, defaults={"name": name})


def remove_bodies(apps, schema_editor):
    apps.get_model("resolutions", "Body").objects.filter(code__in=[c for c, _ in BODIES]).delete()


class Migration(migrations.Migration):
    dependencies = [("resolutions", "0001_initial")]

    operations = [migrations.RunPython(add_bodies, remove_bodies)]
