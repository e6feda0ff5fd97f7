#!/usr/bin/env python3
"""Generates Sources/ChanceryExtraction/Gazetteer/GazetteerData.swift from the TSV files in
Sources/ChanceryExtraction/Gazetteer/Data/ (countries, cities, people, exclusions).

Run from anywhere:  python3 Scripts/generate-gazetteer.py
Checks the data (codes, roles, conflicting spellings) and fails with a message on a defect.
The Swift file embeds the tables, so the binary needs no resource files at run time;
GazetteerDataTests fails when the generated file is stale.
"""
import os
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GAZ = os.path.join(ROOT, "Sources", "ChanceryExtraction", "Gazetteer")
DATA = os.path.join(GAZ, "Data")
OUT = os.path.join(GAZ, "GazetteerData.swift")

ROLES = {"head_of_state", "head_of_government", "foreign_minister", "speaker"}
CITY_KINDS = {"capital", "city", "seat"}
LANGS = {"en", "ru", "kk"}


def fail(msg):
    sys.stderr.write("generate-gazetteer: " + msg + "\n")
    sys.exit(1)


def rows(name, ncols):
    """Data rows of a TSV file: comment (#) and blank lines skipped, cells trimmed."""
    path = os.path.join(DATA, name)
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f.read().split("\n"), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = [c.strip() for c in line.split("\t")]
            if len(cells) != ncols:
                fail(f"{name}:{n}: {len(cells)} columns, expected {ncols}")
            out.append((n, cells))
    return out


def alts(cell):
    return [a.strip() for a in cell.split("|") if a.strip()]


def key(s):
    """A rough normalisation for conflict checks (the Swift side has its own)."""
    s = s.lstrip("~").lower().replace("ё", "е").replace("’", "'")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    return s


def swift(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def slist(xs):
    return "[" + ", ".join(swift(x) for x in xs) + "]"


def main():
    countries = []
    codes = set()
    owner = {}
    for n, c in rows("countries.tsv", 7):
        code = c[0]
        if len(code) != 2 or not code.isascii() or not code.isupper():
            fail(f"countries.tsv:{n}: bad code {code!r}")
        if code in codes:
            fail(f"countries.tsv:{n}: duplicate code {code}")
        codes.add(code)
        row = [code] + [alts(x) for x in c[1:]]
        for i, lang in ((1, "en"), (3, "ru"), (5, "kk")):
            if not row[i]:
                fail(f"countries.tsv:{n}: {code} has no {lang} name")
        for cell in row[1:]:
            for a in cell:
                k = key(a)
                if k in owner and owner[k] != code:
                    fail(f"countries.tsv:{n}: {a!r} names both {owner[k]} and {code}")
                owner[k] = code
        countries.append(row)
    if len(countries) != 197:
        fail(f"countries.tsv: {len(countries)} countries, expected 197 (193 UN members, VA, PS, XK, TW)")
    for must in ("VA", "PS", "XK", "TW", "KZ"):
        if must not in codes:
            fail(f"countries.tsv: {must} missing")

    cities = []
    for n, c in rows("cities.tsv", 6):
        name, country, kind = c[0], c[1], c[2]
        if country not in codes:
            fail(f"cities.tsv:{n}: unknown country {country}")
        if kind not in CITY_KINDS:
            fail(f"cities.tsv:{n}: bad kind {kind!r}")
        cities.append([name, country, kind, alts(c[3]), alts(c[4]), alts(c[5])])
    capitals = [c[1] for c in cities if c[2] == "capital"]
    if len(capitals) != len(set(capitals)):
        fail("cities.tsv: a country has two capitals")

    people = []
    spelling = {}
    for n, c in rows("people.tsv", 7):
        name, country, role, term = c[0], c[1], c[2], c[3]
        if country not in codes:
            fail(f"people.tsv:{n}: unknown country {country}")
        if role not in ROLES:
            fail(f"people.tsv:{n}: bad role {role!r}")
        row = [name, country, role, term, alts(c[4]), alts(c[5]), alts(c[6])]
        for a in [name] + row[4] + row[5] + row[6]:
            k = key(a)
            if k in spelling and spelling[k][0] != country:
                fail(f"people.tsv:{n}: {a!r} is {spelling[k][1]} ({spelling[k][0]}) and {name} ({country})")
            spelling.setdefault(k, (country, name))
        people.append(row)
    if len({p[1] for p in people}) < 45:
        fail("people.tsv: fewer than 45 countries")

    exclusions = []
    for n, c in rows("exclusions.tsv", 3):
        if c[0] not in LANGS:
            fail(f"exclusions.tsv:{n}: bad language {c[0]!r}")
        exclusions.append(c)

    # Latin letters with diacritics -> base ASCII letter (lower case), for name matching.
    fold_from, fold_to = [], []
    special = {"đ": "d", "Đ": "d", "ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ħ": "h", "Ħ": "h", "ŧ": "t", "Ŧ": "t"}
    for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(cp)
        if ch in special:
            base = special[ch]
        else:
            d = unicodedata.normalize("NFD", ch)
            base = d[0].lower() if d and d[0].isascii() and d[0].isalpha() and len(d) > 1 else None
        if base:
            fold_from.append(ch)
            fold_to.append(base)

    L = []
    w = L.append
    w("// GENERATED FILE: do not edit by hand.")
    w("// Generated by Scripts/generate-gazetteer.py from Sources/ChanceryExtraction/Gazetteer/Data/*.tsv.")
    w("// To regenerate after editing a TSV file, run from the package root:")
    w("//     python3 Scripts/generate-gazetteer.py")
    w("// GazetteerDataTests compares these tables with the TSV files and fails when this file is stale.")
    w("")
    w("enum GazetteerData {")
    w("    /// countries.tsv, in file order.")
    w("    static let countries: [CountryRow] = [")
    for r in countries:
        w(f"        CountryRow(code: {swift(r[0])}, en: {slist(r[1])}, enAdjectives: {slist(r[2])}, ru: {slist(r[3])}, ruAdjectives: {slist(r[4])}, kk: {slist(r[5])}, kkAdjectives: {slist(r[6])}),")
    w("    ]")
    w("")
    w("    /// cities.tsv, in file order.")
    w("    static let cities: [CityRow] = [")
    for r in cities:
        w(f"        CityRow(name: {swift(r[0])}, country: {swift(r[1])}, kind: {swift(r[2])}, en: {slist(r[3])}, ru: {slist(r[4])}, kk: {slist(r[5])}),")
    w("    ]")
    w("")
    w("    /// people.tsv, in file order.")
    w("    static let people: [PersonRow] = [")
    for r in people:
        w(f"        PersonRow(name: {swift(r[0])}, country: {swift(r[1])}, role: {swift(r[2])}, term: {swift(r[3])}, en: {slist(r[4])}, ru: {slist(r[5])}, kk: {slist(r[6])}),")
    w("    ]")
    w("")
    w("    /// exclusions.tsv, in file order.")
    w("    static let exclusions: [ExclusionRow] = [")
    for r in exclusions:
        w(f"        ExclusionRow(language: {swift(r[0])}, phrase: {swift(r[1])}, note: {swift(r[2])}),")
    w("    ]")
    w("")
    w("    /// Latin letters with diacritics (scalar by scalar) and the ASCII letter each folds to.")
    w(f"    static let latinFoldFrom: String = {swift(''.join(fold_from))}")
    w(f"    static let latinFoldTo: String = {swift(''.join(fold_to))}")
    w("}")
    w("")
    text = "\n".join(L)
    old = open(OUT, encoding="utf-8").read() if os.path.exists(OUT) else None
    if old != text:
        with open(OUT, "w", encoding="utf-8") as f:
            f.write(text)
    print(f"{os.path.relpath(OUT, ROOT)}: {len(countries)} countries, {len(cities)} cities "
          f"({len(capitals)} capitals), {len(people)} people of {len({p[1] for p in people})} countries, "
          f"{len(exclusions)} exclusions")


if __name__ == "__main__":
    main()
