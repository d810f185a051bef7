"""What counts as an English word left in the Chinese page (shared by the unit and browser tests)."""

from __future__ import annotations

import html
import re

# Words that may stay in Latin script on the Chinese page: the function names (the brief allows
# softmax/sigmoid), names, the app's name, maths (ln, log, max), the number type float64, and
# the language switch, which names English in English on purpose; top-k, top-p and min-p are the
# decoding rules' own names, written so in Chinese texts too; hardmax, sparsemax and entmax are
# softmax's relatives' own names (with their authors' names), diag is maths; Gumbel (Gumbel-max).
ALLOWED = {
    "gumbel",
    "softmax", "sigmoid", "michael", "nielsen", "lab", "ln", "log", "max", "float", "english", "language",
    "top", "min", "hardmax", "sparsemax", "entmax", "martins", "astudillo", "peters", "niculae", "diag",
}
_URL = re.compile(r"(?:https?|file)://\S+")
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"[A-Za-z]{2,}")


def english_words(text: str) -> list[str]:
    """Latin-script words of two letters or more (tags and links removed) that are not allowed.

    Single letters are maths (a, z, K, τ's companions); links are addresses, not words.
    """
    text = html.unescape(_TAG.sub(" ", _URL.sub(" ", text)))
    return sorted({word for word in _WORD.findall(text) if word.lower() not in ALLOWED})
