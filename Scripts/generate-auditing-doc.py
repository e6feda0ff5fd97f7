#!/usr/bin/env python3
"""Regenerates docs/auditing.md ("Auditing a relationship") with the real output of chancery
on the seeds: every command shown is run, in a scratch directory holding a copy of seeds/,
with SOURCE_DATE_EPOCH=1767225600 and NO_COLOR=1.

    python3 Scripts/generate-auditing-doc.py [path/to/chancery]

Without an argument the binary is .build/debug/chancery. Seqs and ids are read from the log,
so the text follows the extractor when its output changes.
"""
import json as _j
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "chancery")
TMP = tempfile.mkdtemp(prefix="chancery-doc-")
W = os.path.join(TMP, "w")
BIN = os.path.join(TMP, "bin")
os.makedirs(os.path.join(W, "events"))
os.makedirs(BIN)
os.symlink(BINARY, os.path.join(BIN, "chancery"))
shutil.copytree(os.path.join(ROOT, "seeds"), os.path.join(W, "seeds"))
env = dict(os.environ, PATH=BIN + os.pathsep + os.environ["PATH"], SOURCE_DATE_EPOCH="1767225600", NO_COLOR="1")
env.pop("CHANCERY_STORE", None)


def sh(cmd, head=None):
    r = subprocess.run("{ " + cmd + "; } 2>&1", shell=True, cwd=W, env=env, capture_output=True, text=True,
                       executable="/bin/bash")
    lines = r.stdout.rstrip("\n").split("\n") if r.stdout.strip() else []
    if head and len(lines) > head:
        lines = lines[:head] + ["…"]
    return "```console\n$ " + cmd + "\n" + "\n".join(lines) + ("\n" if lines else "") + "```\n"


def _run(cmd):
    return subprocess.run(cmd, shell=True, cwd=W, env=env, capture_output=True, text=True).stdout


parts = []


def t(s):
    parts.append(s.strip("\n") + "\n")


def c(cmd, head=None):
    parts.append(sh(cmd, head))


t('''# Auditing a relationship

This walk-through follows Kazakhstan–Iran through the five sample articles in `seeds/`: where
the relationship stands, how it got there, what was true on a given date (valid time), what
the log knew at a given point (transaction time), how a wrong fact is withdrawn, and how
someone who received only `events/seeds.ndjson` can check it all without a store.

Every output below is real: produced by `chancery` (`swift run chancery …`, or the built
`.build/release/chancery`) in an empty directory holding a copy of `seeds/`, with
`SOURCE_DATE_EPOCH=1767225600` (so event ids and times match `events/seeds.ndjson`) and
`NO_COLOR=1` (`python3 Scripts/generate-auditing-doc.py` runs them again and rewrites this
page). On a terminal, table headers are bold and withdrawn facts red; never with `NO_COLOR`
or when the output is piped.

## Ingest

Each article is one transaction: its row, its events and the projection rows they change
commit together.''')
c('chancery ingest seeds')
_ev=[_j.loads(l) for l in _run('chancery events --format ndjson').splitlines()]
_z=[e['seq'] for e in _ev if e['source']['file'].startswith('002_')]
ZF, ZL, HEAD = min(_z), max(_z), len(_ev)
SIGN=[e['id'] for e in _ev if e['type']=='AgreementSigned' and e['stream']=='IR-KZ'][0][:12]
t('''Three articles are about Kazakhstan and Iran: `000_…` (Kazinform, kk) reports the visit, the
narrow-format talks and the +40 % turnover; `001_…` (kk) adds no new fact but corroborates the
visit and the talks; `002_…` (Zakon.kz, ru) reports the expanded talks, the signing, the
$3 bn target and other trade figures, and corroborates the talks and the turnover.

## Where the relationship stands

`state` reads the persisted projection rows of the pair (no fold of the log). Countries are
ISO codes or names in English, Russian or Kazakh, in any case and any order: `KZ IR`,
`ir kz`, `Kazakhstan Iran`, `Қазақстан Иран` and `Казахстан Иран` give the same answer.''')
c('chancery state KZ IR')
t('''One official visit by Iran (two source articles), talks in narrow and expanded format,
one signing, the latest figure of each trade series (among them turnover +40 % over
January–October 2025 and the $3 bn target), and the three articles behind it all.
`--format json` gives the same as data (`--format csv` as CSV):''')
c('chancery state Қазақстан Иран --format json', head=32)
t('''A name that is not a country fails with the closest ones (exit 64):''')
c('chancery state Kazakstan Iran')
t('''## How it got there

`history` lists every fact of the pair in timeline order (by date, then seq), with every
article that reports it and the number of corroborations:''')
c('chancery history Kazakhstan Iran')
t('''The visit has two source articles: its own (`000_…`) and the corroboration from `001_…`.
`--type`, `--from` and `--to` narrow the list; the JSON carries the evidence (article hash,
file, verbatim quote and seq of each source):''')
c('chancery history KZ IR --type VisitStarted --format json', head=40)
t('''## Valid time: as of a date

`--as-of DATE` keeps only the facts that had occurred by then. On 9 December 2025, before
the visit, the log holds nothing about the pair:''')
c('chancery state Қазақстан Иран --as-of 2025-12-09')
t('''On the day of the visit, everything is there:''')
c('chancery state Казахстан Иран --as-of 2025-12-11')
t('''`diff --from DATE --to DATE` says what changed between two dates:''')
c('chancery diff KZ IR --from 2025-12-01 --to 2025-12-31')
t('''## Transaction time: what the log knew

`--at-seq N` (or `--known-at TIMESTAMP`) keeps only the events the log held then: the answer
is folded from the pair's own events (read through an index on `(stream, seq)`), not from
the rows. The Zakon.kz article (`002_…`) brought seqs %d to %d:''' % (ZF, ZL))
c('chancery events --stream IR-KZ')
t('''Before it, at seq %d, the log knew the visit, the narrow talks and the turnover, and no
signing:''' % (ZF - 1))
c('chancery state kz ir --at-seq %d' % (ZF - 1))
t('''After it, at seq %d:''' % ZL)
c('chancery state kz ir --at-seq %d' % ZL)
t('''`diff --from-seq N --to-seq M` is the audit of an ingestion: what the log learned between
two positions (new facts, corroborations, retractions) and what that changed:''')
c('chancery diff KZ IR --from-seq %d --to-seq %d' % (ZF - 1, ZL))
t('''## A retraction

Keep a copy of the log as it is now (this is exactly what `events/seeds.ndjson` holds):''')
c('chancery export --output events/seeds.ndjson')
t('''Suppose a reviewer finds that the documents were not signed that day. Nothing is deleted:
`retract` appends an `EventRetracted` (its reason is its provenance) and the projections
follow in the same transaction.''')
c("chancery retract %s --reason 'the documents were announced, not signed, on 11 December'" % SIGN)
t('''The state no longer has the signing:''')
c('chancery state KZ IR')
t('''The history keeps it, marked, with the reason (and `explain` shows the retraction):''')
c('chancery history KZ IR --type AgreementSigned')
c('chancery explain %s' % SIGN, head=14)
t('''The log as it was before the retraction still answers, and the audit names the change:''')
c('chancery state KZ IR --at-seq %d' % HEAD)
c('chancery diff KZ IR --from-seq %d --to-seq %d' % (HEAD, HEAD + 1))
t('''The chain is intact, and rebuilding every projection from seq 1 gives exactly the rows
that the appends kept up to date:''')
c('chancery verify')
c('chancery replay')
t('''## Replaying an exported log, without a store

Whoever receives `events/seeds.ndjson` can audit it on its own: `replay FILE --pair A B`
checks the whole chain first (as `import` does), then folds the log in memory and prints
each event of the pair with the change it made to the relationship, and the state at the
end:''')
c('chancery replay events/seeds.ndjson --pair KZ IR')
t('''`--format json` gives the same as a list of `{event, change}`:''')
c('chancery replay events/seeds.ndjson --pair KZ IR --format json', head=44)
t('''A log that was altered is refused before anything is folded (exit 65), naming the line:''')
c("sed '5s/2025-12-11/2025-12-12/' events/seeds.ndjson > events/tampered.ndjson")
c('chancery replay events/tampered.ndjson --pair KZ IR; echo "exit $?"')
t('''## Other questions

Trade figures by series, agreements across all pairs (or one, `--status planned|signed`),
and the partners of a country ranked by activity (`--from`, `--to` for a period); all take
`--as-of`, `--at-seq`, `--known-at` and `--format table|json|csv`:''')
c('chancery trade KZ IR')
c('chancery agreements')
c('chancery partners Kazakhstan')
t('''## How the projections are kept

- Every append (ingest, `record`, `retract`, `import`) updates, in its own transaction, the
  projection rows of the facts it touches (table `projection_state`: one row per fact,
  `facts/IR-KZ/<id>`, and one per pair, `pairs/IR-KZ`) and the checkpoint, the last seq
  applied (`projection_checkpoints`, `ledger.2`). The work is proportional to the events
  appended, whatever the size of the log: a new fact gets its row, a corroboration or
  retraction of a fact of its own pair changes that fact's row by seqs and ids, without
  reading the fact back (`RowApply`); an event naming another pair's fact, or a payload of
  an older version, is folded into the facts it touches instead.
- A fact's row holds no evidence of its own, only which events make the fact, by seq:
  `{"seq":41,"sources":[57],"retraction":63,"corroborations":["…"]}` (its event, the
  corroborations whose source it still carries, the retraction that withdrew it). Reading a
  fact reads those events back (`EventStore.event(seq:)`), so the quote, the article and the
  payload exist once, in the hash-chained log. A store written before this layout (checkpoint
  `ledger`) has its rows rebuilt on first use.
- Queries without `--at-seq`/`--known-at` read those rows; before reading, they apply any
  event the checkpoint has not seen (appended by a tool that does not keep projections).
- `state` and `history` (JSON, table or CSV) are written a fact at a time: a first pass
  over the pair's rows learns which facts belong, in what timeline order, and what they add up to
  (contact, counts, latest trade figures, sources); a second pass writes the facts in order,
  reading again those not kept (an answer keeps at most 2 000 whole facts in memory). Beyond
  those, a fact costs 24 bytes and its row key's (about 70 bytes in all), and the summary
  holds the distinct source articles and files. The bytes are those of the answer built
  whole (tests compare them); a table takes one more pass, for its columns' widths.
  `trade` goes the same way a series at a time, `agreements` a pair after another, and
  `partners` tallies each pair's facts as they are read. With `--at-seq`/`--known-at` (and
  for `diff` and `report`) the answer is still built whole.
- `chancery replay` rebuilds every row from seq 1, in one transaction, and says whether they
  differed. It goes pair by pair: a pair's events are read once in seq order (seq, id, type
  and the event a corroboration or retraction names) to learn which events bear on which
  fact; the rows are compared with the stored ones in key order and only those that differ
  are written (or removed). A pair of more than 20 000 events is read in several passes,
  each taking the facts of its share of the ids (by a hash of the id) and their
  corroborations, so memory holds the seqs and ids of about 20 000 facts at most, whatever
  the size of the pair or the log. When the
  log holds what that path leaves alone (an event naming another pair's fact, a
  corroboration or retraction of an older payload version), it folds the whole log in memory
  instead. Property tests check, on generated logs with corroborations and retractions
  appended in random transactions, that the kept rows, a fold of the whole log and the rows
  of both rebuild paths are the same, byte for byte.
- `chancery verify` walks a log of 20 000 events or more in runs of seqs on up to 4 threads
  (one per core), each with its own read connection: an event's hash needs only its own row
  and the previous row's stored hash. The runs' stream versions are joined at the end; if
  any run finds something wrong, the log is walked again in order, so the problem named is
  always the first (the tamper matrix runs every attack in 1, 2 and 3 runs).''')

os.makedirs(os.path.join(ROOT, "docs"), exist_ok=True)
with open(os.path.join(ROOT, "docs", "auditing.md"), "w") as f:
    f.write("\n".join(parts))
shutil.rmtree(TMP)
print("wrote docs/auditing.md")
