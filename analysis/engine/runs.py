"""Run folders that can be trusted: one run at a time, written whole or not at all, and a record of
what made them.

- **A lock** (:func:`hold_folder`): a run holds its output folder through a lock
  file beside it (``.<folder>.lock``, with the run's PID, host and start time).
  A second run on the folder is refused with "folder in use by run PID … since
  …". The lock is an ``flock`` on the file, which the system releases when the
  process ends however it ends: a lock file left by a run that is gone is taken
  over, with a warning naming that run.
- **Atomic replacement** (:func:`write_folder`): a single run writes into a
  sibling temporary folder (``.<folder>.tmp-<PID>``) and puts it in the output
  folder's place only when every file is written, by one exchange of the two
  folders (Linux's ``renameat2``; two renames elsewhere). Interrupted at any
  moment, the output folder is the previous run, untouched, or the new run,
  complete.
- **A record** (:data:`RUN_FILE`, ``run.json``): the kit's version, the engine,
  the input, its SHA-256 and ``completed``. A stream run writes it with
  ``completed`` false when it starts and true when its last table is written
  (:mod:`analysis.engine.stream`); :func:`check_completed` refuses a folder without a
  completed record, naming it.
"""

from __future__ import annotations

import ctypes
import errno
import glob
import hashlib
import json
import os
import shutil
import signal
import socket
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from analysis.errors import InputProblem, InputWarning
from analysis.resources.files import write_atomic

RUN_FILE = "run.json"
"""The record of a run, in its output folder."""

_EXCHANGE = 2
"""``RENAME_EXCHANGE`` of Linux's ``renameat2``: swap two paths in one step."""

_AT_FDCWD = -100


class FolderInUse(InputProblem):
    """Another run holds the output folder."""


def kit_version() -> str:
    """The installed kit's version (``unknown`` when the kit runs without being installed)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("media-framing")
    except PackageNotFoundError:
        return "unknown"


def checksum_input(path: str | Path) -> str:
    """SHA-256 of a corpus: of the file, or of every file in the folder (recursively; relative path
    and content, in path order, hidden files left out)."""
    path = Path(path)
    digest = hashlib.sha256()
    files = (
        [path]
        if path.is_file()
        else sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
    )
    for p in files:
        if p is not path:
            digest.update(p.relative_to(path).as_posix().encode("utf-8") + b"\0")
        with open(p, "rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
        digest.update(b"\0")
    return digest.hexdigest()


def describe_input(corpus: str | Path, engine: str) -> dict:
    """The record of a run before it completes: kit version, engine, input path and checksum,
    ``completed`` false."""
    corpus = Path(corpus)
    return {
        "completed": False,
        "engine": engine,
        "input": str(corpus.resolve()),
        "input_sha256": checksum_input(corpus),
        "kit_version": kit_version(),
    }


def write_record(folder: Path, record: dict) -> None:
    """Write ``record`` as the folder's :data:`RUN_FILE` (under a name unique to this process
    first)."""
    write_atomic(folder / RUN_FILE, json.dumps(record, indent=1, sort_keys=True) + "\n")


def read_record(folder: Path) -> dict | None:
    """The folder's run record, or None when it has none (or one that is not JSON)."""
    try:
        record = json.loads((Path(folder) / RUN_FILE).read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def check_completed(folder: str | Path) -> dict:
    """The folder's run record; raise FileNotFoundError naming the folder and what to do when the
    run is missing, unfinished or of a version of the kit that wrote no record."""
    folder = Path(folder)
    record = read_record(folder)
    command = f"'python -m analysis run CORPUS --out {folder}'"
    if record is None:
        if (folder / "articles.csv").is_file() or (folder / "articles").is_dir():
            raise FileNotFoundError(
                f"{folder}: no completed {RUN_FILE}; it holds a run of an older version of the "
                f"kit, or an interrupted one: run {command} again "
                "('make report' does this)"
            )
        raise FileNotFoundError(
            f"{folder} holds no analysis; run {command} first (add '--engine stream' for a large "
            "table corpus; 'make report' does this)"
        )
    if record.get("completed") is not True:
        raise FileNotFoundError(
            f"{folder}: the run recorded in {RUN_FILE} is not completed (interrupted, or running "
            "now); run the same command "
            "again (a stream run resumes where it stopped)"
        )
    return record


def lock_path(folder: Path) -> Path:
    """The lock file of an output folder: ``.<folder>.lock`` beside it."""
    return folder.parent / f".{folder.name}.lock"


@contextmanager
def hold_folder(folder: str | Path) -> Iterator[None]:
    """Hold ``folder`` for one run: raise :class:`FolderInUse` when another run holds it; take
    over, with a warning, a lock file whose run is gone. The lock file is removed when the block
    ends."""
    import fcntl

    folder = Path(folder)
    path = lock_path(folder)
    while True:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as err:
            raise InputProblem(
                [
                    f"{folder}: cannot write its lock file {path.name} beside it "
                    f"({err.strerror}); choose a --out folder you can write to"
                ]
            ) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as err:
            holder = _read_holder(fd)
            os.close(fd)
            if err.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise
            raise FolderInUse(
                [
                    f"{folder}: folder in use by run {_describe_holder(holder)}; wait for it to "
                    "end or choose another --out"
                ]
            ) from None
        try:
            same = os.fstat(fd).st_ino == os.stat(path).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)  # the holder removed the file as we opened it: lock the new one
    try:
        stale = _read_holder(fd)
        if stale:
            warnings.warn(
                f"{folder}: took over the lock of run {_describe_holder(stale)}, which is gone",
                InputWarning,
                stacklevel=3,
            )
        me = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "since": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        }
        os.ftruncate(fd, 0)
        os.pwrite(fd, (json.dumps(me) + "\n").encode("utf-8"), 0)
        os.fsync(fd)
        remove_leftovers(folder)
        yield
    finally:
        path.unlink(missing_ok=True)
        os.close(fd)


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove the temporary and old folders that runs stopped by force (SIGKILL, power cut) left
    beside ``folder``; only called by the run holding the folder. Returns them."""
    name = glob.escape(folder.name)
    leftovers = sorted(
        p for pattern in (f".{name}.tmp-*", f".{name}.old-*") for p in folder.parent.glob(pattern)
    )
    for p in leftovers:
        shutil.rmtree(p, ignore_errors=True)
    return leftovers


def write_folder(folder: str | Path, write: Callable[[Path], None], record: dict) -> None:
    """Run ``write`` on a new sibling temporary folder, add the completed ``record``, then put the
    folder in ``folder``'s place in one step; on any error or interruption, remove the temporary
    folder and leave ``folder`` as it was.

    Refuses (InputProblem) a ``folder`` that exists and is not a run of the kit (it holds neither
    :data:`RUN_FILE` nor ``articles.csv``), which replacing would delete.
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise InputProblem([f"{folder}: not a folder; choose a folder for --out"])
    if (
        folder.is_dir()
        and any(folder.iterdir())
        and not ((folder / RUN_FILE).is_file() or (folder / "articles.csv").is_file())
    ):
        raise InputProblem(
            [
                f"{folder}: holds files that are not a run of the kit, which a run would replace; "
                "choose a new or empty --out folder"
            ]
        )
    folder.parent.mkdir(parents=True, exist_ok=True)
    temporary = folder.parent / f".{folder.name}.tmp-{os.getpid()}"
    shutil.rmtree(temporary, ignore_errors=True)
    try:
        temporary.mkdir()
        write(temporary)
        write_record(temporary, {**record, "completed": True})
        _without_interruption(lambda: _put_in_place(temporary, folder))
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


def _put_in_place(new: Path, folder: Path) -> None:
    """``new`` becomes ``folder``; the previous ``folder`` (if any) is deleted. ``new``'s path is
    left empty or absent."""
    if not folder.exists():
        os.rename(new, folder)
        return
    if _exchange(new, folder):
        shutil.rmtree(new)  # now the previous run
        return
    old = folder.parent / f".{folder.name}.old-{os.getpid()}"
    os.rename(folder, old)
    os.rename(new, folder)
    shutil.rmtree(old)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux 3.15+, glibc 2.28+); False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _without_interruption(step: Callable[[], None]) -> None:
    """Run ``step`` with Ctrl-C ignored (in the main thread), so that the folder is never left half
    replaced."""
    if threading.current_thread() is not threading.main_thread():
        step()
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        step()
    finally:
        signal.signal(signal.SIGINT, previous)


def _read_holder(fd: int) -> dict:
    try:
        holder = json.loads(os.pread(fd, 4096, 0).decode("utf-8") or "{}")
    except ValueError:
        return {}
    return holder if isinstance(holder, dict) else {}


def _describe_holder(holder: dict) -> str:
    if not holder:
        return "of unknown PID"
    return (
        f"PID {holder.get('pid', '?')} on {holder.get('host', '?')} since "
        f"{holder.get('since', '?')}"
    )


def _hidden(p: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in p.relative_to(root).parts)
