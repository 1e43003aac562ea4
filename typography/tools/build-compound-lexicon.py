#!/usr/bin/env python3
"""Build typography/compounds-sv.txt from Debian's hunspell-sv (sv_SE.dic + sv_SE.aff).

Why a precomputed file: the .dic is unsorted, mixed-case and needs the .aff to mean
anything; reading and indexing it on every render would cost far more than the ~100 ms a
whole poster render may take. This script keeps only what compound splitting needs and
writes it sorted, so NaraTypography's CompoundLexicon can binary-search the bytes in place
(no parsing at load: one file read, and only when a word needs it).

Format (UTF-8):
  header lines, one per suffix rule:  SFX<TAB>flag<TAB>strip<TAB>add<TAB>condition<TAB>cont
      cont = the compound roles the suffix itself gives: B first part (COMPOUNDBEGIN),
      M middle (COMPOUNDMIDDLE), E last (COMPOUNDEND), P permits the stem's roles
      (COMPOUNDPERMITFLAG), Z only inside compounds (ONLYINCOMPOUND / NEEDAFFIX).
  a line `%%`
  body, sorted by UTF-8 bytes:  stem<TAB>roles<TAB>suffixflags
      stem lower-cased; roles of the bare stem: B, M, E as above, W a word on its own,
      N a proper name (spelled with a capital in the dictionary; its forms are names too).
Usage: build-compound-lexicon.py [/usr/share/hunspell/sv_SE] > typography/compounds-sv.txt
Derived from hunspell-sv (LGPL-3, see typography/README.md).
"""
import sys

base = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/hunspell/sv_SE"
aff = open(base + ".aff", encoding="utf-8").read().splitlines()
dic = open(base + ".dic", encoding="utf-8").read().splitlines()[1:]

flags = {}
for line in aff:
    p = line.split()
    if len(p) == 2 and p[0] in ("COMPOUNDBEGIN", "COMPOUNDMIDDLE", "COMPOUNDEND", "ONLYINCOMPOUND",
                                "NEEDAFFIX", "FORBIDDENWORD", "COMPOUNDPERMITFLAG"):
        flags[p[0]] = p[1]
ROLE = {flags["COMPOUNDBEGIN"]: "B", flags["COMPOUNDMIDDLE"]: "M", flags["COMPOUNDEND"]: "E",
        flags["COMPOUNDPERMITFLAG"]: "P", flags["ONLYINCOMPOUND"]: "Z", flags["NEEDAFFIX"]: "Z"}
FORBIDDEN = flags["FORBIDDENWORD"]

out = []
sfx_flags = set()
for line in aff:
    p = line.split()
    if len(p) >= 5 and p[0] == "SFX":
        flag, strip, add, cond = p[1], p[2], p[3], p[4]
        add, _, cont = add.partition("/")
        roles = "".join(sorted({ROLE[c] for c in cont if c in ROLE}))
        strip = "" if strip == "0" else strip
        add = "" if add == "0" else add
        if any(c.isdigit() for c in add) or ":" in add or "-" in add:
            continue  # numeric compounds (60-talet …) are never hyphenated anyway
        sfx_flags.add(flag)
        out.append("SFX\t%s\t%s\t%s\t%s\t%s" % (flag, strip, add, cond, roles))
out.append("%%")

entries = {}
for entry in dic:
    entry = entry.split("\t")[0].strip()
    word, _, fl = entry.partition("/")
    if not word or FORBIDDEN in fl or len(word) < 2 or any(c in word for c in ".-:' ") \
            or any(c.isdigit() for c in word):
        continue
    name = word[:1].isupper()
    roles = set()
    if name:
        if "Z" not in {ROLE.get(c) for c in fl}: roles.add("N")
    else:
        roles.update(ROLE[c] for c in fl if ROLE.get(c) in ("B", "M", "E"))
        if not any(ROLE.get(c) == "Z" for c in fl): roles.add("W")
    sf = "".join(sorted({c for c in fl if c in sfx_flags}))
    key = (word.lower(), name)
    old = entries.get(key)
    if old:
        roles |= set(old[0]); sf = "".join(sorted(set(sf) | set(old[1])))
    entries[key] = ("".join(sorted(roles)), sf)

body = sorted(((k[0], v[0], v[1]) for k, v in entries.items()), key=lambda e: (e[0].encode("utf-8"), e[1]))
out.extend("%s\t%s\t%s" % e for e in body)
sys.stdout.buffer.write(("\n".join(out) + "\n").encode("utf-8"))
