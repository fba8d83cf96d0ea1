"""The model-based extractor: a BiLSTM tagger and role linker trained by the project.

``model`` loads the model shipped with the package (``quotes/models/de-news-v1``, trained on the
WikiNews quotation corpus: CC BY-NC-SA 4.0, see its ``MODEL_CARD.md``); ``model_path`` loads any
model folder written by ``quotes train``, through the same loader. A missing or damaged model raises
``quotes.errors.ModelError``. Content of all five types (discontinuous and over several sentences),
speaker, cue, addressee and frame come from the model; ``speaker_id`` from ``quotes.speakers``.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from ..registry import extractors
from ..types import Document, Quote
from .base import BaseExtractor


class ModelExtractor(BaseExtractor):
    """Finds quotes with a trained model.

    >>> ext = ModelExtractor()
    >>> [(q.type, q.speaker_text) for q in ext.extract(Document("d", "„Wir schaffen das“, sagte Merkel."))]
    [('direct', 'Merkel')]
    """

    def __init__(self, model_path: str | None = None, batch_size: int = 16, threads: int | None = 1):
        from ..model.io import load_model

        if threads is not None:
            import torch

            # One thread per process: on a busy machine more threads are slower, and
            # ``quotes extract --n-process`` runs several processes.
            torch.set_num_threads(threads)
        self.model = load_model(model_path)
        self.batch_size = batch_size
        self.name = "model" if model_path is None else f"model:{model_path}"

    def extract(self, doc: Document) -> list[Quote]:
        return self.model.predict([doc], self.batch_size)[0]

    def pipe(self, docs: Iterable[Document], batch_size: int = 32) -> Iterator[list[Quote]]:
        yield from self.model.pipe(docs, self.batch_size)


@extractors.register("model.v1")
def make_model(model_path: str | None = None, batch_size: int = 16, threads: int | None = 1) -> ModelExtractor:
    """The trained model: the shipped one, or the model folder ``model_path``."""
    return ModelExtractor(model_path, batch_size, threads)
