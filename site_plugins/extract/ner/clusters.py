"""Brown word clusters and word frequencies of ~740,000 German words, as a compact lookup table.

Brown clusters group words that occur in similar contexts in a large corpus: surnames such as
"Merkel", "Palin" and "Milošević" share one cluster, companies ("Siemens", "Vattenfall") another,
cities ("Manchester", "Sydney") a third. That is the evidence the name recognizer lacks for
names it never saw in training. The clusters and log-probabilities come from spaCy's German
vocabulary data (`spacy-lookups-data`, MIT); `training/train_ner.py --rebuild-lexicons` derives
`data/clusters.bin.gz` from them (all capitalized words, and lower-case words down to a frequency).

The table stores a 64-bit hash of each word (sorted) and one 16-bit value: cluster number * 16 +
frequency band. Looking up a word is a binary search; loading reads three arrays (~7.5 MB) in ~50 ms, where
a dict of the same words would take seconds and over 100 MB.
"""
from __future__ import annotations

import gzip
import hashlib
import sys
from array import array
from bisect import bisect_left
from pathlib import Path

BANDS = 16  # frequency bands: 0 = most frequent .. 15 = rarest


def word_key(word: str) -> int:
    """A stable 64-bit hash of a word (Python's own hash() changes between runs)."""
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


class ClusterTable:
    """word -> (cluster path as an int, frequency band), or None for an unknown word.

    Cluster paths are bit strings read from the least significant bit: the first k bits
    (`path & (2**k - 1)`) name the cluster's ancestor at depth k."""

    def __init__(self, path: Path) -> None:
        with gzip.open(path, "rb") as handle:
            raw = handle.read()
        header = array("Q", raw[:16])  # number of words, number of clusters
        words, clusters = header
        self.paths = array("Q", raw[16:16 + 8 * clusters])
        start = 16 + 8 * clusters
        self.keys = array("Q", raw[start:start + 8 * words])
        self.values = array("H", raw[start + 8 * words:start + 10 * words])
        if sys.byteorder == "big":  # the file is little-endian
            for table in (self.paths, self.keys, self.values):
                table.byteswap()

    def get(self, word: str) -> tuple[int, int] | None:
        key = word_key(word)
        i = bisect_left(self.keys, key)
        if i == len(self.keys) or self.keys[i] != key:
            return None
        value = self.values[i]
        return self.paths[value // BANDS], value % BANDS


def write_table(path: Path, entries: dict[str, tuple[int, int]]) -> None:
    """Write `entries` (word -> (cluster path, band)) as a table `ClusterTable` reads."""
    cluster_paths = sorted({cluster for cluster, _ in entries.values()})
    number = {cluster: k for k, cluster in enumerate(cluster_paths)}
    rows = sorted((word_key(word), number[cluster] * BANDS + band)
                  for word, (cluster, band) in entries.items())
    keys = array("Q", (key for key, _ in rows))
    if len(set(keys)) != len(keys):
        raise ValueError("two words share a 64-bit hash; use a wider key")
    tables = [array("Q", [len(rows), len(cluster_paths)]), array("Q", cluster_paths), keys,
              array("H", (value for _, value in rows))]
    if sys.byteorder == "big":
        for table in tables:
            table.byteswap()
    body = b"".join(table.tobytes() for table in tables)
    with open(path, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(body)
