"""Which capability folder uses which: the direction of dependency in Sources/SamverkaApp.

Reads every Swift file, notes the types, protocols and global functions each folder declares,
and for each folder the names of other folders' declarations it uses (an identifier match, after
comments and string literals are removed). Prints the edges, the pairs of folders that use each
other, and what the Platform folder (the layer every capability builds on) uses from above it.

    python3 scripts/dependencies.py            # the figures and the list of edges
    python3 scripts/dependencies.py --check    # also fails on a dependency the rules forbid

The rules checked: Platform uses no other folder; a capability folder uses only Platform and the
capabilities `scripts/dependencies-allowed.txt` lists for it. Ends with "N passed, N failed".
"""
import collections
import os
import re
import sys

ROOT = os.environ.get("SAMVERKA_SOURCES", os.path.join(os.path.dirname(__file__), "..", "Sources", "SamverkaApp"))
ALLOWED = os.path.join(os.path.dirname(__file__), "dependencies-allowed.txt")
PLATFORM = "Platform"
# Files at the top of the target: the app's assembly (configure, routes, the migration list)
# composes every capability and so may use all of them; nothing may use it.
TOP = "(app)"

DECLARATION = re.compile(
    r"^(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|internal|private|fileprivate|final|indirect|nonisolated)\s+)*"
    r"(?:class|struct|enum|protocol|actor|typealias)\s+([A-Z]\w*)", re.M)
FUNCTION = re.compile(r"^(?:(?:public|internal)\s+)?func\s+([a-z]\w*)", re.M)
IDENTIFIER = re.compile(r"\b[A-Za-z_]\w*\b")
NESTED = re.compile(r"^\s+(?:(?:public|private|fileprivate|final|indirect)\s+)*(?:class|struct|enum|protocol|typealias)\s+([A-Z]\w*)", re.M)
MEMBER = re.compile(r"\b(?:func|var|let|case)\s+([a-zA-Z_]\w*)")


def extension_members(code):
    """The names a file's top-level `extension` blocks declare (their own level only)."""
    names = []
    depth = 0
    in_extension = False
    for line in code.split("\n"):
        if depth == 0:
            in_extension = bool(re.match(r"\s*(?:(?:public|private|fileprivate)\s+)?extension\b", line))
        if depth == 1 and in_extension:
            found = re.match(r"\s*(?:@\w+\s+)*(?:(?:public|private|fileprivate|static|nonisolated|mutating)\s+)*(?:func|var|let)\s+([a-zA-Z_]\w*)", line)
            if found:
                names.append(found.group(1))
        depth += line.count("{") - line.count("}")
    return names


def strip(source):
    """The code without comments and string literals, so a word in a comment is no use."""
    source = re.sub(r'"""[\s\S]*?"""', '""', source)
    source = re.sub(r"/\*[\s\S]*?\*/", "", source)
    source = re.sub(r"//[^\n]*", "", source)
    return re.sub(r'"(?:\\.|[^"\\\n])*"', '""', source)


def folder_of(path):
    relative = os.path.relpath(path, ROOT)
    parts = relative.split(os.sep)
    return parts[0] if len(parts) > 1 else TOP


def scan():
    files = collections.defaultdict(list)
    for directory, _, names in os.walk(ROOT):
        for name in names:
            if name.endswith(".swift"):
                path = os.path.join(directory, name)
                with open(path, encoding="utf-8") as handle:
                    files[folder_of(path)].append((path, strip(handle.read())))
    declared = {}
    functions = {}
    for folder, sources in files.items():
        for _, code in sources:
            # A name declared in two folders (a nested `Row`, `Page`) says nothing of direction.
            for name in DECLARATION.findall(code):
                declared[name] = None if name in declared and declared[name] != folder else folder
            for name in FUNCTION.findall(code):
                functions[name] = None if name in functions and functions[name] != folder else folder
    # Members added by an extension (`request.unreadNotifications`): attributed to the folder of
    # the extension when no other folder declares a member of that name.
    anywhere = collections.defaultdict(set)
    extended = {}
    for folder, sources in files.items():
        for _, code in sources:
            for name in MEMBER.findall(code):
                anywhere[name].add(folder)
            for name in extension_members(code):
                extended[name] = folder
    members = {name: folder for name, folder in extended.items() if anywhere[name] == {folder}}
    calls = {name: re.compile(r"(?<![.\w])" + name + r"\s*\(") for name, folder in functions.items() if folder}
    edges = collections.defaultdict(lambda: collections.defaultdict(set))
    for folder, sources in files.items():
        for path, code in sources:
            # A type the file nests (`ICalendar.Event`) hides a top-level one of the same name
            # there; a name after a dot is a member, not a type of another folder.
            nested = set(NESTED.findall(code))
            words = set(re.findall(r"(?<![.\w])[A-Za-z_]\w*", code)) - nested
            for word in words:
                owner = declared.get(word)
                if owner and owner != folder:
                    edges[folder][owner].add(word)
            for name in set(re.findall(r"\.([a-zA-Z_]\w*)", code)):
                owner = members.get(name)
                if owner and owner != folder:
                    edges[folder][owner].add("." + name)
            for name, pattern in calls.items():
                owner = functions[name]
                if owner != folder and pattern.search(code):
                    edges[folder][owner].add(name + "()")
    return files, edges


def load_allowed():
    allowed = collections.defaultdict(set)
    if os.path.exists(ALLOWED):
        with open(ALLOWED, encoding="utf-8") as handle:
            for line in handle:
                line = line.split("#", 1)[0].strip()
                if "->" in line:
                    source, target = (part.strip() for part in line.split("->", 1))
                    allowed[source].add(target)
    return allowed


def main():
    check = "--check" in sys.argv
    files, edges = scan()
    pairs = sorted({tuple(sorted((a, b))) for a in edges for b in edges[a] if a in edges.get(b, {})})
    count = sum(len(targets) for targets in edges.values())
    print(f"{len(files)} folders, {count} cross-folder edges, {len(pairs)} pairs that use each other")
    for source in sorted(edges):
        for target in sorted(edges[source]):
            names = sorted(edges[source][target])
            shown = ", ".join(names[:6]) + (" …" if len(names) > 6 else "")
            print(f"  {source} -> {target}: {shown}")
    if pairs:
        print("Pairs that use each other: " + "; ".join(f"{a} <-> {b}" for a, b in pairs))
    if not check:
        return 0
    allowed = load_allowed()
    passed = failed = 0
    for source in sorted(files):
        for target in sorted(edges.get(source, {})):
            if target == TOP:
                ok = False
            elif source == TOP or target == PLATFORM:
                ok = True
            elif source == PLATFORM:
                ok = False
            else:
                ok = target in allowed.get(source, set())
            if ok:
                passed += 1
            else:
                failed += 1
                names = ", ".join(sorted(edges[source][target])[:8])
                print(f"FAIL {source} uses {target} ({names}): not allowed by the layer rules or {os.path.basename(ALLOWED)}")
    # The list stays true and one-way: an entry nothing uses, or a pair allowed both ways, fails.
    for source in sorted(allowed):
        for target in sorted(allowed[source]):
            if target not in edges.get(source, {}):
                failed += 1
                print(f"FAIL {source} -> {target} is allowed but unused: remove it from {os.path.basename(ALLOWED)}")
            elif source < target and source in allowed.get(target, set()):
                failed += 1
                print(f"FAIL {source} and {target} are allowed to use each other: one of them must attach through the platform's seams")
            else:
                passed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
