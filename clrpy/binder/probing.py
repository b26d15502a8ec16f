"""Probing: the directories an assembly is looked for in, and the file names tried in each.

The binder turns a reference into candidate files the way the CLR's probing does: for every
directory of the search list, in order, it tries NAME.dll then NAME.exe. A culture-specific
(satellite) assembly lives in a subdirectory named after its culture: DIR/fr-FR/NAME.dll. Only
files that exist are opened, so probing costs a few stat() calls per directory and never opens an
assembly that is not a candidate.

The search list is, in order (`build_search_list`): the application's directory, the class
libraries and their Facades/, then the user's probing paths (the `--probe` option, then the
environment variable CLRPY_PROBE_PATH).
"""
import os
from pathlib import Path
from typing import NamedTuple

from .framework import absolute_path

PROBE_PATH_ENV = "CLRPY_PROBE_PATH"
EXTENSIONS = (".dll", ".exe")


class SearchPath(NamedTuple):
    """One directory of the search list, and why it is there (shown by `clrpy info` and in errors)."""
    directory: Path
    origin: str

    def __str__(self):
        return str(self.directory)


def candidate_files(directory: Path, simple_name: str, culture: str = ""):
    """The file names probed for an assembly in one directory, in order."""
    base = directory / culture if culture else directory
    return [base / f"{simple_name}{ext}" for ext in EXTENSIONS]


def probe_paths_from_env(environ=None):
    """The directories of CLRPY_PROBE_PATH (os.pathsep-separated; empty entries ignored)."""
    environ = os.environ if environ is None else environ
    value = environ.get(PROBE_PATH_ENV, "")
    return [SearchPath(absolute_path(p), f"environment variable {PROBE_PATH_ENV}")
            for p in value.split(os.pathsep) if p.strip()]


def as_search_path(entry, origin: str) -> SearchPath:
    """A SearchPath from a path (given by a caller) or an existing SearchPath."""
    if isinstance(entry, SearchPath):
        return entry
    return SearchPath(absolute_path(entry), origin)


def build_search_list(app_dir, framework, probe_paths):
    """The directories probed for every reference, in order, without duplicates.

    `framework` is a FrameworkLocation, `probe_paths` SearchPaths (the user's, then the environment's).
    """
    entries = []
    if app_dir is not None:
        entries.append(SearchPath(absolute_path(app_dir), "application directory"))
    if framework.exists:
        entries.append(SearchPath(framework.directory, "class libraries"))
        if framework.facades is not None:
            entries.append(SearchPath(framework.facades, "class-library facades"))
    entries.extend(probe_paths)
    return dedupe(entries)


def dedupe(entries):
    """The entries with later repeats of a directory removed (the first mention decides its place)."""
    seen, unique = set(), []
    for entry in entries:
        key = os.path.normcase(str(entry.directory))
        if key not in seen:
            seen.add(key)
            unique.append(entry)
    return unique

