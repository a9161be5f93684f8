"""The staff side: upload and review, curation, vocabularies, the citation queue and history.

Views read the request and call one service (`services.py`); every write records who made it
in the models' history (django-simple-history), so each change can be seen and reverted.
"""
