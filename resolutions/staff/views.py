"""Staff pages: read the request, check the role's permission, call one service, render.

Anonymous visitors are sent to sign in; signed-in users without the permission get 403.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Model, OuterRef, Q, QuerySet, Subquery
from django.forms import ModelForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ..models import (
    Country,
    Document,
    DocumentTopic,
    IngestFileResult,
    IngestRun,
    Paragraph,
    Reference,
    Sponsorship,
    Topic,
    Upload,
)
from ..search import matching_document_ids, read_search
from ..selectors import sponsors_of
from . import forms, services, uploads

# The models whose history staff can see and revert, by the name used in addresses.
HISTORY_MODELS = {
    "document": Document,
    "paragraph": Paragraph,
    "topic": Topic,
    "country": Country,
    "reference": Reference,
    "documenttopic": DocumentTopic,
    "sponsorship": Sponsorship,
}
PAGE_SIZE = 50
RECENT_BATCHES = 5  # upload batches listed on the staff home page
REFRESH_SECONDS = 2
# A file waiting longer than this for a worker: the page says no worker may be running.
WORKER_WAIT_WARNING = timedelta(
    minutes=2
)  # how often an upload's page reloads while its files are being read
HISTORY_LIMIT = 200  # records shown per object, and per kind of part on a document's page
STAFF_PERMISSIONS = ("resolutions.add_document", "resolutions.change_document", "auth.view_user")


def requires(*perms: str) -> Callable:
    """Sign-in first (a redirect), then every permission (403 without one)."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def checked(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not request.user.has_perms(perms):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return login_required(checked)

    return decorate


def is_librarian(user) -> bool:
    return user.has_perm("resolutions.change_document")


def visible_documents(user):
    """Documents a staff member may open: all for librarians, their own uploads otherwise."""
    documents = Document.objects.select_related("body", "uploaded_by")
    if is_librarian(user):
        return documents
    return documents.filter(uploaded_by=user)


def may_correct(user, document: Document) -> bool:
    """Librarians correct any document; uploaders their own drafts, while reviewing them."""
    if is_librarian(user):
        return True
    return (
        document.uploaded_by_id == user.pk
        and document.status == Document.Status.DRAFT
        and user.has_perm("resolutions.add_document")
    )


def may_discard(user, document: Document) -> bool:
    """Librarians delete any document; uploaders discard their own drafts."""
    if user.has_perm("resolutions.delete_document"):
        return True
    return may_correct(user, document) and document.status == Document.Status.DRAFT


# --- home, upload, review ---


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """What this staff member can do, and their latest uploads."""
    if not any(request.user.has_perm(perm) for perm in STAFF_PERMISSIONS):
        raise PermissionDenied
    documents = Document.objects.filter(uploaded_by=request.user).select_related("body")[:20]
    context = {"uploads": documents, "batches": recent_batches(request.user)}
    if is_librarian(request.user):
        context["drafts"] = Document.objects.filter(status=Document.Status.DRAFT).count()
        context["unresolved"] = services.unresolved_references().count()
        context["suggested"] = DocumentTopic.objects.filter(
            status=DocumentTopic.Status.SUGGESTED
        ).count()
    return render(request, "staff/home.html", context)


def recent_batches(user) -> QuerySet[IngestRun]:
    """A user's latest uploads, with how many files each has, waiting and not added."""
    pending = [Upload.State.QUEUED, Upload.State.RUNNING]
    return (
        IngestRun.objects.filter(user=user, uploads__isnull=False)
        .annotate(
            files=Count("uploads", distinct=True),
            pending=Count("uploads", filter=Q(uploads__state__in=pending), distinct=True),
            failed=Count("uploads", filter=Q(uploads__state=Upload.State.FAILED), distinct=True),
        )
        .order_by("-started_at")[:RECENT_BATCHES]
    )


@requires("resolutions.add_document")
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    """Upload one or many files; each is queued for a worker to parse into a draft to review."""
    bound = request.method == "POST"
    form = forms.UploadForm(request.POST if bound else None, request.FILES if bound else None)
    status = 200
    if bound and form.is_valid():
        try:
            run = uploads.queue_uploads(
                form.cleaned_data["files"],
                user=request.user,
                may_replace=is_librarian(request.user),
            )
        except uploads.UploadNotStored as error:
            form.add_error(None, str(error))
            status = 503
        else:
            return redirect("staff:upload_batch", pk=run.pk)
    elif form.errors:
        status = 400
    return render(
        request,
        "staff/upload.html",
        {"form": form, "limit": forms.upload_bytes_help()},
        status=status,
    )


@requires("resolutions.add_document")
@require_GET
def upload_batch(request: HttpRequest, pk: int) -> HttpResponse:
    """Each file of an upload: waiting, being read, added (with a link to review) or refused.

    The page reloads itself while a file is pending; one file added alone opens its review.
    """
    batches = (
        IngestRun.objects.all()
        if is_librarian(request.user)
        else IngestRun.objects.filter(user=request.user)
    )
    run = get_object_or_404(batches, pk=pk)
    uploads.fail_interrupted_uploads()
    files = list(run.uploads.select_related("document"))
    if len(files) == 1 and files[0].state == Upload.State.DONE and files[0].document:
        return redirect("staff:review", pk=files[0].document.pk)
    pending = any(file.pending for file in files)
    waited = timezone.now() - WORKER_WAIT_WARNING
    unattended = any(f.state == Upload.State.QUEUED and f.queued_at < waited for f in files)
    context = {
        "run": run,
        "files": files,
        "pending": pending,
        "unattended": unattended,
        "refresh_seconds": REFRESH_SECONDS,
    }
    return render(request, "staff/upload_results.html", context)


@requires("resolutions.view_document")
@require_GET
def document_list(request: HttpRequest) -> HttpResponse:
    """Documents in the archive (an uploader's own), drafts first when asked."""
    documents = visible_documents(request.user)
    status = request.GET.get("status", "")
    if status in Document.Status.values:
        documents = documents.filter(status=status)
    query = request.GET.get("q", "").strip()[:200]
    if query:
        documents = documents.filter(
            Q(symbol__icontains=query) | Q(title__icontains=query) | Q(citation_key__iexact=query)
        )
    page = Paginator(documents.order_by("-updated_at", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "staff/document_list.html",
        {"page": page, "status": status, "q": query, "statuses": Document.Status.choices},
    )


@requires("resolutions.view_document")
@require_http_methods(["GET", "POST"])
def review(request: HttpRequest, pk: int) -> HttpResponse:
    """The parsed structure beside the source text; metadata corrected here."""
    document = get_object_or_404(visible_documents(request.user), pk=pk)
    editable = may_correct(request.user, document)
    form = forms.MetadataForm(request.POST or None, instance=document)
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        if form.is_valid():
            fresh = Document.objects.get(pk=document.pk)
            changed = services.update_metadata(
                fresh,
                data={name: form.cleaned_data[name] for name in form.changed_data},
                citation_key=form.cleaned_data.get("citation_key", ""),
                user=request.user,
            )
            if changed:
                messages.success(request, f"Saved: {', '.join(changed)}.")
            return redirect("staff:review", pk=document.pk)
        document = Document.objects.select_related("body").get(pk=document.pk)
    result = (
        IngestFileResult.objects.filter(document=document).order_by("-recorded_at", "-pk").first()
    )
    warnings = result.message.splitlines() if result and result.message else []
    context = {
        "document": document,
        "form": form,
        "editable": editable,
        "may_discard": may_discard(request.user, document),
        "librarian": is_librarian(request.user),
        "paragraphs": document.paragraphs.all(),
        "sponsors": sponsors_of(document),
        "references": document.references.select_related("cited_document", "citing_paragraph"),
        "topic_links": document.topic_links.select_related("topic", "decided_by"),
        "warnings": warnings,
        "result": result,
    }
    return render(request, "staff/review.html", context, status=400 if form.errors else 200)


@requires("resolutions.change_document")
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk)
    services.publish_document(document, user=request.user)
    messages.success(request, f"Published {document.label}.")
    return redirect("staff:review", pk=pk)


@requires("resolutions.change_document")
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk)
    services.withdraw_document(document, user=request.user)
    messages.success(request, f"Withdrew {document.label}: researchers no longer see it.")
    return redirect("staff:review", pk=pk)


@requires("resolutions.view_document")
@require_POST
def discard(request: HttpRequest, pk: int) -> HttpResponse:
    """Delete a document (an uploader: their own draft); it can be restored from history."""
    document = get_object_or_404(visible_documents(request.user), pk=pk)
    if not may_discard(request.user, document):
        raise PermissionDenied
    label = document.label
    services.delete_document(document, user=request.user)
    messages.success(request, f"Deleted {label}.")
    return redirect("staff:documents")


# --- curation of one document ---


@requires("resolutions.change_paragraph", "resolutions.add_paragraph")
@require_http_methods(["GET", "POST"])
def paragraphs(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit a document's paragraphs: kind, number, verb, text; add and delete."""
    document = get_object_or_404(Document.objects.select_related("body"), pk=pk)
    formset = forms.ParagraphFormSet(request.POST or None, instance=document)
    if request.method == "POST":
        if not request.user.has_perm("resolutions.delete_paragraph"):
            raise PermissionDenied
        if formset.is_valid():
            services.save_paragraphs(document, formset, user=request.user)
            messages.success(request, "Paragraphs saved.")
            return redirect("staff:review", pk=pk)
    return render(
        request,
        "staff/paragraphs.html",
        {"document": document, "formset": formset},
        status=400 if request.method == "POST" else 200,
    )


@requires("resolutions.change_documenttopic")
@require_POST
def decide_topic(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm or reject one topic of a document."""
    link = get_object_or_404(DocumentTopic, pk=pk)
    form = forms.TopicDecisionForm(request.POST)
    if form.is_valid():
        services.decide_topic(link, status=form.cleaned_data["status"], user=request.user)
        messages.success(request, f"{link.topic}: {link.get_status_display().lower()}.")
    return redirect("staff:review", pk=link.document_id)


@requires("resolutions.change_documenttopic", "resolutions.add_documenttopic")
@require_http_methods(["GET", "POST"])
def bulk_topics(request: HttpRequest) -> HttpResponse:
    """Confirm or reject one topic on every document that a search selects.

    Takes the parameters of /search/ (q, body, year_min, topic, ...); drafts included.
    """
    chosen = read_search(request.GET).cleaned
    searched = bool(chosen)
    selected = Document.objects.filter(
        pk__in=matching_document_ids(request.GET, drafts=True) if searched else []
    )
    form = forms.BulkTopicForm(request.POST or None)
    if request.method == "POST":
        if not searched:
            messages.error(request, "Choose documents by a search first.")
        elif form.is_valid():
            changed = services.decide_topic_for_documents(
                Document.objects.filter(pk__in=selected.values("pk")),
                topic=form.cleaned_data["topic"],
                status=form.cleaned_data["status"],
                user=request.user,
            )
            messages.success(
                request,
                f"{form.cleaned_data['topic']}: {form.cleaned_data['status']} on "
                f"{changed} document{'s' if changed != 1 else ''}.",
            )
            return redirect(f"{request.path}?{request.GET.urlencode()}")
    context = {
        "chosen": chosen,
        "form": form,
        "searched": searched,
        "count": selected.count() if searched else 0,
        "sample": selected.select_related("body")[:20] if searched else [],
        "query_string": request.GET.urlencode(),
    }
    return render(request, "staff/bulk_topics.html", context)


# --- vocabularies: topics and countries are listed, added to, edited and merged alike ---


def vocabulary_page(
    request: HttpRequest, *, form_class: type[ModelForm], rows: QuerySet, plural: str
) -> HttpResponse:
    """A vocabulary's rows with forms to add one and to merge two; `plural` names its page."""
    model = rows.model
    form = form_class(request.POST or None)
    merge = forms.MergeForm(queryset=model.objects.all())
    if request.method == "POST":
        if not request.user.has_perm(f"resolutions.add_{model._meta.model_name}"):
            raise PermissionDenied
        if form.is_valid():
            added = form.save(commit=False)
            services.save_as(added, user=request.user, reason="added")
            messages.success(request, f"Added {added}.")
            return redirect(f"staff:{plural}")
    return render(
        request,
        f"staff/{plural}.html",
        {"form": form, "merge": merge, plural: rows},
        status=400 if form.errors else 200,
    )


def vocabulary_edit(
    request: HttpRequest, *, form_class: type[ModelForm], instance: Model, plural: str
) -> HttpResponse:
    """Edit one row of a vocabulary, then back to its page."""
    form = form_class(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        services.save_as(form.instance, user=request.user, reason="edited")
        messages.success(request, f"Saved {form.instance}.")
        return redirect(f"staff:{plural}")
    return render(request, "staff/vocabulary_edit.html", {"form": form, "object": instance})


def vocabulary_merge(
    request: HttpRequest, *, model: type[Model], merge: Callable[..., int], plural: str
) -> HttpResponse:
    """Merge the two rows the posted form names with `merge`, then back to the page."""
    form = forms.MergeForm(request.POST, queryset=model.objects.all())
    if form.is_valid():
        source, target = form.cleaned_data["source"], form.cleaned_data["target"]
        name = str(source)
        moved = merge(source, target, user=request.user)
        messages.success(request, f"Merged {name} into {target}: {moved} documents moved.")
    else:
        messages.error(
            request, " ".join(error for errors in form.errors.values() for error in errors)
        )
    return redirect(f"staff:{plural}")


@requires("resolutions.view_topic")
@require_http_methods(["GET", "POST"])
def topics(request: HttpRequest) -> HttpResponse:
    """The topic vocabulary: add a topic, merge two."""
    rows = Topic.objects.select_related("parent").annotate(n=Count("document_links"))
    return vocabulary_page(request, form_class=forms.TopicForm, rows=rows, plural="topics")


@requires("resolutions.change_topic")
@require_http_methods(["GET", "POST"])
def topic_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Rename a topic or nest it under another."""
    topic = get_object_or_404(Topic, pk=pk)
    return vocabulary_edit(request, form_class=forms.TopicForm, instance=topic, plural="topics")


@requires("resolutions.change_topic", "resolutions.delete_topic")
@require_POST
def topics_merge(request: HttpRequest) -> HttpResponse:
    """Merge two topics: every document of one moves to the other."""
    return vocabulary_merge(request, model=Topic, merge=services.merge_topics, plural="topics")


@requires("resolutions.view_country")
@require_http_methods(["GET", "POST"])
def countries(request: HttpRequest) -> HttpResponse:
    """Countries with their aliases: add one, merge two."""
    rows = Country.objects.annotate(n=Count("sponsorships"))
    return vocabulary_page(request, form_class=forms.CountryForm, rows=rows, plural="countries")


@requires("resolutions.change_country")
@require_http_methods(["GET", "POST"])
def country_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Rename a country, set its code and aliases."""
    country = get_object_or_404(Country, pk=pk)
    return vocabulary_edit(
        request, form_class=forms.CountryForm, instance=country, plural="countries"
    )


@requires("resolutions.change_country", "resolutions.delete_country")
@require_POST
def countries_merge(request: HttpRequest) -> HttpResponse:
    """Merge two countries: sponsorships move, names become aliases."""
    return vocabulary_merge(
        request, model=Country, merge=services.merge_countries, plural="countries"
    )


# --- citations ---


@requires("resolutions.view_reference")
@require_GET
def citations(request: HttpRequest) -> HttpResponse:
    """Citations whose target is not in the archive, most cited keys first."""
    queue = services.unresolved_references().select_related("citing_document", "citing_paragraph")
    page = Paginator(queue.order_by("cited_key", "pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "staff/citations.html", {"page": page})


@requires("resolutions.change_reference")
@require_POST
def citation_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    """Link a citation to its archived target, or mark it as outside the archive."""
    reference = get_object_or_404(Reference.objects.select_related("citing_document"), pk=pk)
    if request.POST.get("action") == "outside":
        services.mark_outside_archive(reference, user=request.user)
        messages.success(request, f"{reference.cited_key}: marked outside the archive.")
        return redirect("staff:citations")
    form = forms.LinkReferenceForm(request.POST)
    if form.is_valid():
        try:
            services.link_reference(
                reference, document=form.cleaned_data["target"], user=request.user
            )
        except services.StaffActionError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"{reference.cited_key} linked.")
    else:
        messages.error(request, " ".join(form.errors["target"]))
    return redirect("staff:citations")


# --- history ---


def history_model(name: str):
    model = HISTORY_MODELS.get(name)
    if model is None:
        raise Http404("No history for this kind of object.")
    return model


def with_changes(records: QuerySet) -> list:
    """The newest records (HISTORY_LIMIT), each with `changes` against the one before it.

    Two queries however many rows: the records, each with the key of its object's record just
    before it, then all those earlier records at once (not `prev_record`, a query per row).
    """
    manager = records.model._default_manager
    earlier = manager.filter(id=OuterRef("id"), history_date__lt=OuterRef("history_date"))
    rows = list(
        records.select_related("history_user")
        .annotate(
            previous_id=Subquery(
                earlier.order_by("-history_date", "-history_id").values("history_id")[:1]
            )
        )
        .order_by("-history_date", "-history_id")[:HISTORY_LIMIT]
    )
    previous = manager.in_bulk({row.previous_id for row in rows if row.previous_id})
    for row in rows:
        before = previous.get(row.previous_id)
        row.changes = row.diff_against(before).changes if before else []
    return rows


@login_required
@require_GET
def history(request: HttpRequest, model: str, pk: int) -> HttpResponse:
    """Who changed an object, when and what; a document's page shows its parts' too."""
    cls = history_model(model)
    if not request.user.has_perm(f"resolutions.change_{model}"):
        raise PermissionDenied
    records = with_changes(cls.history.filter(id=pk))
    current = cls.objects.filter(pk=pk).first()
    # Rows written in bulk (migrations, loaders) have no record until their first change.
    if not records and current is None:
        raise Http404("No history for this object.")
    parts = []
    if cls is Document:
        for part, column in services.DOCUMENT_PARTS:
            parts.append(
                (
                    part._meta.verbose_name_plural,
                    part._meta.model_name,
                    with_changes(part.history.filter(**{column: pk})),
                )
            )
    context = {
        "model": model,
        "verbose_name": cls._meta.verbose_name,
        "records": records,
        "parts": parts,
        "current": current,
        "may_revert": request.user.has_perm(f"resolutions.change_{model}"),
        "pk": pk,
    }
    return render(request, "staff/history.html", context)


@login_required
@require_POST
def revert(request: HttpRequest, model: str, history_id: int) -> HttpResponse:
    """Make an object as it was in one history record."""
    cls = history_model(model)
    if not request.user.has_perm(f"resolutions.change_{model}"):
        raise PermissionDenied
    record = get_object_or_404(cls.history.all(), history_id=history_id)
    try:
        services.revert_to(record, user=request.user)
    except services.StaffActionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, f"Reverted to the version of {record.history_date:%Y-%m-%d %H:%M}."
        )
    target = record.document_id if model in {"paragraph", "documenttopic", "sponsorship"} else None
    if model == "reference":
        target = record.citing_document_id
    if target:
        return redirect("staff:history", model="document", pk=target)
    return redirect("staff:history", model=model, pk=record.id)


@requires("resolutions.delete_document", "resolutions.add_document")
@require_GET
def deleted_documents(request: HttpRequest) -> HttpResponse:
    """Deleted documents that can be restored."""
    records = (
        Document.history.filter(history_type="-")
        .exclude(id__in=Document.objects.values("pk"))
        .select_related("history_user")
        .order_by("-history_date")
    )
    latest: dict[int, object] = {}
    for record in records[:500]:
        latest.setdefault(record.id, record)
    return render(request, "staff/deleted.html", {"records": list(latest.values())})


@requires("resolutions.delete_document", "resolutions.add_document")
@require_POST
def restore(request: HttpRequest, pk: int) -> HttpResponse:
    """Bring back a deleted document with its paragraphs, sponsors, topics and citations."""
    try:
        document = services.restore_document(pk, user=request.user)
    except services.StaffActionError as exc:
        messages.error(request, str(exc))
        return redirect("staff:deleted")
    messages.success(request, f"Restored {document.label}.")
    return redirect("staff:review", pk=document.pk)
