"""Staff addresses, under /staff/ (namespace "staff")."""

from django.urls import path

from . import views

app_name = "staff"

urlpatterns = [
    path("", views.home, name="home"),
    path("upload/", views.upload, name="upload"),
    path("upload/<int:pk>/", views.upload_batch, name="upload_batch"),
    path("documents/", views.document_list, name="documents"),
    path("documents/deleted/", views.deleted_documents, name="deleted"),
    path("documents/deleted/<int:pk>/restore/", views.restore, name="restore"),
    path("documents/<int:pk>/", views.review, name="review"),
    path("documents/<int:pk>/publish/", views.publish, name="publish"),
    path("documents/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("documents/<int:pk>/discard/", views.discard, name="discard"),
    path("documents/<int:pk>/paragraphs/", views.paragraphs, name="paragraphs"),
    path("document-topics/<int:pk>/decide/", views.decide_topic, name="decide_topic"),
    path("topics/", views.topics, name="topics"),
    path("topics/merge/", views.topics_merge, name="topics_merge"),
    path("topics/<int:pk>/", views.topic_edit, name="topic_edit"),
    path("topics/bulk/", views.bulk_topics, name="bulk_topics"),
    path("countries/", views.countries, name="countries"),
    path("countries/merge/", views.countries_merge, name="countries_merge"),
    path("countries/<int:pk>/", views.country_edit, name="country_edit"),
    path("citations/", views.citations, name="citations"),
    path("citations/<int:pk>/", views.citation_resolve, name="citation_resolve"),
    path("history/<str:model>/<int:pk>/", views.history, name="history"),
    path("history/<str:model>/revert/<int:history_id>/", views.revert, name="revert"),
]
