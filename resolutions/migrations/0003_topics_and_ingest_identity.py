"""Ingest identity (one document per citation key, or per checksum when it has no key) and the
starting topic vocabulary; `resolutions/topic_rules.py` suggests these topics by slug."""

from django.db import migrations, models
from django.utils.text import slugify

TOPICS = [
    (
        "Crime prevention",
        "Preventing crime before it happens: urban and community-based prevention, social "
        "crime prevention, the United Nations guidelines for the prevention of crime.",
    ),
    (
        "Criminal justice reform",
        "The functioning and reform of criminal justice systems, standards and norms, the rule of "
        "law and fair trial in criminal matters.",
    ),
    (
        "Access to justice and legal aid",
        "Legal aid in criminal justice systems, access to justice for all, the role of lawyers "
        "and public defenders.",
    ),
    (
        "Transnational organized crime",
        "Organized criminal groups acting across borders; the United Nations Convention against "
        "Transnational Organized Crime and its Conference of the Parties.",
    ),
    (
        "Trafficking in persons",
        "Recruiting, transporting or harbouring persons for exploitation; the Trafficking in "
        "Persons Protocol and the protection of its victims.",
    ),
    (
        "Smuggling of migrants",
        "Procuring the illegal entry of a person into a State for profit; the Protocol against "
        "the Smuggling of Migrants by Land, Sea and Air.",
    ),
    (
        "Corruption",
        "Bribery, embezzlement, abuse of functions and illicit enrichment; the United Nations "
        "Convention against Corruption and asset recovery.",
    ),
    (
        "Terrorism",
        "Preventing and countering terrorism and its financing; the universal legal instruments "
        "against terrorism and criminal justice responses to it.",
    ),
    (
        "Drugs",
        "The world drug problem: illicit cultivation, production and trafficking of narcotic "
        "drugs and psychotropic substances, drug control and demand reduction.",
    ),
    (
        "Firearms",
        "Illicit manufacturing of and trafficking in firearms, their parts, components and "
        "ammunition; the Firearms Protocol.",
    ),
    (
        "Cybercrime",
        "Crime committed with or against computer systems and information and communications "
        "technologies, and the electronic evidence it leaves.",
    ),
    (
        "Money-laundering",
        "Laundering the proceeds of crime, financial intelligence, confiscation and the "
        "recovery of criminal assets.",
    ),
    (
        "Victims and witnesses",
        "The rights, protection and support of victims of crime and of witnesses; the "
        "Declaration of Basic Principles of Justice for Victims of Crime.",
    ),
    (
        "Children",
        "Children in contact with the justice system as victims, witnesses or alleged "
        "offenders; juvenile justice and violence against children.",
    ),
    (
        "Violence against women",
        "Gender-related violence against women and girls, including gender-related killing, "
        "and crime prevention and criminal justice responses to it.",
    ),
    (
        "Prisons and the treatment of offenders",
        "Prison conditions and management, the Standard Minimum Rules for the Treatment of "
        "Prisoners (the Nelson Mandela Rules), alternatives to imprisonment, reintegration.",
    ),
    (
        "International cooperation in criminal matters",
        "Extradition, mutual legal assistance, transfer of proceedings and of sentenced persons, "
        "and cooperation between law enforcement authorities.",
    ),
    (
        "Technical assistance and capacity-building",
        "Assistance to States in building criminal justice capacity, in particular the work of "
        "the United Nations Office on Drugs and Crime.",
    ),
    (
        "Crimes that affect the environment",
        "Illicit trafficking in wild fauna and flora, forest products, precious metals and "
        "waste, and other crimes that affect the environment.",
    ),
    (
        "Trafficking in cultural property",
        "Theft of and illicit trafficking in cultural property and the protection of "
        "cultural heritage against it.",
    ),
    (
        "Maritime crime and piracy",
        "Piracy and armed robbery at sea and other crimes committed at sea.",
    ),
    (
        "Crime statistics and research",
        "Crime and criminal justice data, surveys, statistics and research, the United Nations "
        "Surveys on Crime Trends and the Operations of Criminal Justice Systems.",
    ),
]


def add_topics(apps, schema_editor):
    Topic = apps.get_model("resolutions", "Topic")
    for name, description in TOPICS:
        Topic.objects.update_or_create(
            slug=slugify(name), defaults={"name": name, "description": description}
        )


def remove_topics(apps, schema_editor):
    slugs = [slugify(name) for name, _ in TOPICS]
    apps.get_model("resolutions", "Topic").objects.filter(slug__in=slugs).delete()


class Migration(migrations.Migration):
    dependencies = [("resolutions", "0002_seed_bodies")]

    operations = [
        migrations.AddConstraint(
            model_name="document",
            constraint=models.UniqueConstraint(
                condition=models.Q(("citation_key", ""), _negated=True),
                fields=("citation_key",),
                name="document_unique_citation_key",
            ),
        ),
        migrations.AddConstraint(
            model_name="document",
            constraint=models.UniqueConstraint(
                condition=models.Q(("citation_key", ""), models.Q(("checksum", ""), _negated=True)),
                fields=("checksum",),
                name="document_unique_keyless_checksum",
            ),
        ),
        migrations.RunPython(add_topics, remove_topics),
    ]
