"""Word count: generate a deterministic pseudo-English text with a seeded
linear congruential generator (a vocabulary of made-up words, drawn with a
skewed, Zipf-like distribution, with capitalised sentence starts and
punctuation), then count word frequencies with a dict and report the most
common words.

The hot path is str.split / strip / lower, dict get-and-set with string and
tuple keys (word and bigram counts) and sorting of (count, word) pairs. Results never depend on dict or set
iteration order (ties are broken by the word itself).

Self-check: the generator records which vocabulary index it drew for every
word; the word counts must equal per-index tallies made with a plain list,
and the bigram counts must equal tallies keyed by integer index pairs.
"""

import sys

WORDS = 300_000
VOCABULARY = 1_000
SEED = 12345
LETTERS = "etaoinshrdlcumwfgypbvkjxqz"


class LCG:
    """Numerical Recipes' 32-bit LCG; plenty for made-up text."""

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFF

    def next(self, bound):
        self.state = (self.state * 1664525 + 1013904223) & 0xFFFFFFFF
        # The high bits of an LCG are far better distributed than the low.
        return (self.state >> 8) % bound


def make_vocabulary(rng, size):
    words = []
    seen = set()
    while len(words) < size:
        length = 2 + rng.next(5) + rng.next(5)
        # Skewed letter choice so common letters dominate, like English.
        word = "".join(LETTERS[min(rng.next(26), rng.next(26))]
                       for _ in range(length))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def make_text(rng, vocab, n):
    """Return (text, drawn indices)."""
    drawn = []
    sentences = []
    sentence = []
    for _ in range(n):
        # A uniform draw below a uniform bound: P(i) ~ log(V / i), a
        # Zipf-like head of very common words and a long tail.
        i = rng.next(rng.next(rng.next(len(vocab)) + 1) + 1)
        drawn.append(i)
        word = vocab[i]
        if not sentence:
            word = word.capitalize()
        elif rng.next(8) == 0:
            word += ","
        sentence.append(word)
        if len(sentence) >= 4 + rng.next(12):
            sentences.append(" ".join(sentence) + ".")
            sentence = []
    if sentence:
        sentences.append(" ".join(sentence) + ".")
    # Group sentences into lines so split() has to handle newlines too.
    lines = [" ".join(sentences[k:k + 3]) for k in range(0, len(sentences), 3)]
    return "\n".join(lines), drawn


def count_words(text):
    """Return (word counts, bigram counts keyed by (word, next word))."""
    counts = {}
    bigrams = {}
    prev = None
    for token in text.split():
        word = token.strip(".,").lower()
        counts[word] = counts.get(word, 0) + 1
        if prev is not None:
            pair = (prev, word)
            bigrams[pair] = bigrams.get(pair, 0) + 1
        prev = word
    return counts, bigrams


def top(counts, k):
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:k]


def fail(msg):
    sys.exit("word_count: self-check FAILED: " + msg)


def main():
    rng = LCG(SEED)
    vocab = make_vocabulary(rng, VOCABULARY)
    text, drawn = make_text(rng, vocab, WORDS)
    counts, bigrams = count_words(text)

    tally = [0] * len(vocab)
    for i in drawn:
        tally[i] += 1
    if sum(counts.values()) != WORDS:
        fail("counted %d words, generated %d" % (sum(counts.values()), WORDS))
    used = [i for i in range(len(vocab)) if tally[i]]
    if len(counts) != len(used):
        fail("%d distinct words, expected %d" % (len(counts), len(used)))
    for i in used:
        if counts.get(vocab[i]) != tally[i]:
            fail("count of %r is %r, expected %d"
                 % (vocab[i], counts.get(vocab[i]), tally[i]))

    pair_tally = {}
    for k in range(1, len(drawn)):
        key = drawn[k - 1] * len(vocab) + drawn[k]
        pair_tally[key] = pair_tally.get(key, 0) + 1
    if len(pair_tally) != len(bigrams):
        fail("%d distinct bigrams, expected %d" % (len(bigrams), len(pair_tally)))
    for key, n in pair_tally.items():
        i, j = divmod(key, len(vocab))
        if bigrams.get((vocab[i], vocab[j])) != n:
            fail("bigram count mismatch for %r %r" % (vocab[i], vocab[j]))

    best = top(counts, 3)
    print("word_count: words=%d distinct=%d bigrams=%d top=%s"
          % (WORDS, len(counts), len(bigrams),
             ",".join("%s:%d" % kv for kv in best)))


if __name__ == "__main__":
    main()
