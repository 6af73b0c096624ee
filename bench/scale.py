#!/usr/bin/env python3
"""Writes a longer copy of an achievements data file: every section repeated N times.

    python3 bench/scale.py N IN.yaml OUT.yaml

Copy k (k = 2..N) of each section gets the suffix `_rk` on every id (section, figure and
ranking ids) and on every `{id...}` placeholder of its paragraphs, so that ids stay unique
across all files and every placeholder still names a figure of its own copy. Copies drop
`headline: true` (the overview page and the key-indicator slide keep the original cards)
and their titles get `（续k）`, so that headings stay distinguishable. The file stays plain
text: the data files use no anchors or aliases, so a line-based rewrite is exact.
"""

import re
import sys

ID = re.compile(r"^(\s*-?\s*id:\s*)([a-z][a-z0-9_]*)(.*)$")
PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)")  # `{ value: ...}` flow maps have a space
TITLE = re.compile(r"^(    title:\s*)(\S.*?)(\s*(#.*)?)$")


def copy_section(lines, k):
    out = []
    for line in lines:
        if re.match(r"^\s*headline:\s*true\s*(#.*)?$", line):
            continue
        m = ID.match(line)
        if m:
            line = f"{m.group(1)}{m.group(2)}_r{k}{m.group(3)}"
        m = TITLE.match(line)
        if m:
            title = m.group(2)
            quote = title[0] if title[0] in "\"'" else ""
            body = title[1:-1] if quote else title
            line = f"{m.group(1)}{quote}{body}（续{k}）{quote}{m.group(3)}"
        line = PLACEHOLDER.sub(lambda p: "{" + p.group(1) + f"_r{k}", line)
        out.append(line)
    return out


def scale(text, n):
    lines = text.split("\n")
    try:
        start = lines.index("sections:") + 1
    except ValueError:
        sys.exit("scale.py: no top-level `sections:` line")
    # `sections:` is the last top-level key; anything after it at column 0 stays after.
    end = next(
        (i for i in range(start, len(lines)) if lines[i] and not lines[i][0].isspace() and not lines[i].startswith("#")),
        len(lines),
    )
    body = lines[start:end]
    # Split the list into its items: a section starts at `  - id:`.
    starts = [i for i, l in enumerate(body) if l.startswith("  - ")]
    if not starts:
        sys.exit("scale.py: no sections")
    sections = [body[a:b] for a, b in zip(starts, starts[1:] + [len(body)])]
    out = lines[:start] + body[: starts[0]]
    for s in sections:
        out += s
    for k in range(2, n + 1):
        for s in sections:
            out += copy_section(s, k)
    out += lines[end:]
    return "\n".join(out)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    n = int(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as f:
        text = f.read()
    with open(sys.argv[3], "w", encoding="utf-8") as f:
        f.write(scale(text, n))
