"""Staff forms: upload checks, document metadata and paragraphs, vocabularies, citations."""

from __future__ import annotations

import zipfile
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.db.models import Q
from django.forms import inlineformset_factory
from django.utils.text import slugify

from ..citations import document_key
from ..models import Country, Document, DocumentTopic, Paragraph, Topic

MAX_FILES_PER_UPLOAD = 50
# What staff may upload, by extension; the content must agree (see `sniff_format`).
FORMATS_BY_SUFFIX = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "text",
    ".htm": "text",
}
FORMAT_NAMES = "PDF, Word (.docx), HTML, Markdown or plain text"
SNIFF_BYTES = 64 * 1024


def megabytes(size: int) -> str:
    """A size for people: `20 MB`, `1.5 MB`."""
    value = size / (1024 * 1024)
    return f"{value:.1f}".removesuffix(".0") + " MB"


def sniff_format(upload) -> str:
    """What the file's bytes are: "pdf", "docx", "text", or "" for anything else."""
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError):
            return ""
        finally:
            upload.seek(0)
        return "docx" if "word/document.xml" in names else ""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"  # UTF-16 with its byte-order mark
    if b"\x00" in head:
        return ""
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the sniff boundary is still text.
        if exc.start < len(head) - 4:
            try:
                head.decode("cp1252")
            except UnicodeDecodeError:
                return ""
    return "text"


def check_upload(upload) -> str | None:
    """Why a file cannot be uploaded (one line naming it), or None when it can."""
    name = PurePath(upload.name).name
    limit = settings.MAX_UPLOAD_BYTES
    if upload.size > limit:
        return f"{name} is {megabytes(upload.size)}; the limit is {megabytes(limit)} per file."
    if upload.size == 0:
        return f"{name} is empty."
    expected = FORMATS_BY_SUFFIX.get(PurePath(name).suffix.lower())
    if expected is None:
        return f"{name}: only {FORMAT_NAMES} files can be uploaded."
    if sniff_format(upload) != expected:
        return f"{name}: its content is not what its name says ({FORMAT_NAMES} expected)."
    return None


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input (`<input type=file multiple>`)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": ",".join(FORMATS_BY_SUFFIX)})
        )
        kwargs.setdefault("allow_empty_file", True)  # `check_upload` refuses it by name
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            if not data and self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class UploadForm(forms.Form):
    """One or many files; each checked by size and by content before anything is parsed."""

    files = MultipleFileField(
        label="Files",
        help_text=f"{FORMAT_NAMES}; at most {megabytes(settings.MAX_UPLOAD_BYTES)} each.",
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        if len(files) > MAX_FILES_PER_UPLOAD:
            raise forms.ValidationError(f"At most {MAX_FILES_PER_UPLOAD} files at once.")
        errors = [problem for upload in files if (problem := check_upload(upload))]
        if errors:
            raise forms.ValidationError(errors)
        return files


class MetadataForm(forms.ModelForm):
    """A document's metadata as a librarian corrects it; the citation key follows."""

    class Meta:
        model = Document
        fields = [
            "title",
            "symbol",
            "doc_type",
            "number",
            "body",
            "date",
            "year",
            "session",
            "agenda_item",
            "language",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "date": forms.DateInput(attrs={"type": "date"}),
        }

    def clean(self):
        data = super().clean()
        if data.get("date"):
            data["year"] = data["date"].year
        body = data.get("body")
        if body is not None and "doc_type" in data:
            key = document_key(data.get("symbol"), body.code, data["doc_type"], data.get("number"))
            clash = Document.objects.filter(citation_key=key).exclude(pk=self.instance.pk)
            if key and clash.exists():
                raise forms.ValidationError(f"Another document is already {key}: {clash[0]}.")
            data["citation_key"] = key
        return data


class ParagraphForm(forms.ModelForm):
    class Meta:
        model = Paragraph
        fields = ["kind", "number", "verb", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        data = super().clean()
        if data.get("kind") == Paragraph.Kind.PREAMBULAR and data.get("number"):
            self.add_error("number", "Preambular paragraphs have no number.")
        return data


ParagraphFormSet = inlineformset_factory(
    Document, Paragraph, form=ParagraphForm, extra=1, can_delete=True
)


class SlugFromNameForm(forms.ModelForm):
    """A vocabulary row whose slug, left empty, is made from its name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False

    def clean_slug(self) -> str:
        return self.cleaned_data["slug"] or slugify(self.cleaned_data.get("name", ""))[:120]


class TopicForm(SlugFromNameForm):
    """Add or rename a topic, or nest it under another."""

    class Meta:
        model = Topic
        fields = ["name", "slug", "parent", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].help_text = "The topic's address; made from the name when empty."
        if self.instance.pk:
            self.fields["parent"].queryset = Topic.objects.exclude(pk=self.instance.pk)

    def clean_parent(self):
        parent = self.cleaned_data["parent"]
        ancestor = parent
        while ancestor is not None and self.instance.pk:
            if ancestor.pk == self.instance.pk:
                raise forms.ValidationError("A topic cannot sit below itself.")
            ancestor = ancestor.parent
        return parent


class AliasesField(forms.CharField):
    """Other spellings of a name, one per line."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list | tuple) else value

    def to_python(self, value):
        lines = (line.strip() for line in (value or "").splitlines())
        return [line[:120] for line in lines if line]


class CountryForm(SlugFromNameForm):
    """A country with its aliases."""

    aliases = AliasesField(required=False, help_text="Other spellings, one per line.")

    class Meta:
        model = Country
        fields = ["name", "iso3", "slug", "aliases"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["iso3"].empty_value = None


class MergeForm(forms.Form):
    """Merge one row into another of the same vocabulary."""

    source = forms.ModelChoiceField(queryset=Topic.objects.none(), label="Merge")
    target = forms.ModelChoiceField(queryset=Topic.objects.none(), label="into")

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = queryset
        self.fields["target"].queryset = queryset

    def clean(self):
        data = super().clean()
        if data.get("source") and data.get("source") == data.get("target"):
            raise forms.ValidationError("Choose two different entries.")
        return data


class LinkReferenceForm(forms.Form):
    """The archived document a citation names, by its symbol or citation key."""

    target = forms.CharField(max_length=120, label="Cited document (symbol or key)")

    def clean_target(self):
        value = " ".join(self.cleaned_data["target"].split())
        matches = Document.objects.filter(Q(symbol__iexact=value) | Q(citation_key__iexact=value))
        document = matches.first()
        if document is None:
            raise forms.ValidationError(f"No document {value} in the archive.")
        return document


class TopicDecisionForm(forms.Form):
    """Confirm or reject one topic."""

    status = forms.ChoiceField(
        choices=[
            (DocumentTopic.Status.CONFIRMED, "Confirm"),
            (DocumentTopic.Status.REJECTED, "Reject"),
        ]
    )


class BulkTopicForm(TopicDecisionForm):
    """Confirm or reject one topic on every document a search selects."""

    topic = forms.ModelChoiceField(queryset=Topic.objects.all(), to_field_name="slug")


def upload_bytes_help() -> str:
    """The upload limit in words, for pages."""
    return megabytes(settings.MAX_UPLOAD_BYTES)
