"""ProcLab's start-up hook for the Python programs it runs.

ProcLab puts this folder first on PYTHONPATH when it starts a Python worker with line-buffered
output (core/pythonhook.cpp), so Python's site module imports this file at start-up instead of
any other sitecustomize. It does three things, and nothing else:

1. It makes sys.stdout and sys.stderr line-buffered, as they are on a terminal. Through a pipe,
   Python buffers stdout in blocks, so nothing shows until a block fills or the program ends;
   unbuffered (PYTHONUNBUFFERED), print() writes its text and its newline in two writes, so the
   lines of processes that share the pipe, such as multiprocessing's children, can merge.
   Line-buffered, each line reaches the pipe in one write as soon as it is printed, and the
   kernel never splits a write to a pipe of up to PIPE_BUF (4 KiB). A program run with -u or
   PYTHONUNBUFFERED keeps what it asked for.
2. It then runs the sitecustomize that Python would have imported without ProcLab: the next one
   on sys.path, from the user's PYTHONPATH, site-packages or the distribution (Debian ships one),
   so that one still runs, and `import sitecustomize` still returns it.

3. When ProcLab's channel is in the environment (PROCLAB_PYTHON_CHANNEL), it loads proclab_hook.py
   from this folder, which gives each Python process its own stdout and stderr pipes to ProcLab
   and reports the program's multiprocessing calls (docs/python-hook.md).

It must never change what a program does: it writes nothing, raises nothing of its own, leaves
sys.path as it found it, and uses nothing newer than Python 3.9.
"""

import os
import sys


def _line_buffer_streams():
    # Children started with fork inherit these streams as they are; spawn and forkserver children
    # are new interpreters that inherit PYTHONPATH, so they pass through here too.
    for stream in (sys.stdout, sys.stderr):
        try:
            # -u and PYTHONUNBUFFERED make both streams write-through (sys.flags does not say).
            if not stream.line_buffering and not stream.write_through:
                stream.reconfigure(line_buffering=True)
        except Exception:
            pass  # no stream (None) or not a TextIOWrapper: leave it as it is


def _is_this_folder(entry, here):
    try:
        return os.path.normcase(os.path.abspath(entry or os.curdir)) == here
    except Exception:
        return False


def _next_sitecustomize():
    """The specification of the sitecustomize that this one hides, or None."""
    try:
        from importlib.machinery import PathFinder

        here = os.path.normcase(os.path.dirname(os.path.abspath(__file__)))
        rest = [entry for entry in sys.path if not _is_this_folder(entry, here)]
        spec = PathFinder.find_spec("sitecustomize", rest)
    except Exception:
        return None
    if spec is None or spec.loader is None:
        return None
    return spec


def _run_next_sitecustomize():
    spec = _next_sitecustomize()
    if spec is None:
        return

    # An import as any other, told where the module is: importlib.util would cost more than the
    # rest of this file (it imports contextlib, collections and functools).
    class _HiddenSitecustomizeFinder:
        @staticmethod
        def find_spec(name, path=None, target=None):
            return spec if name == "sitecustomize" else None

    # The import of this file, under way, returns what sys.modules holds when it ends: theirs. An
    # exception of theirs goes through unchanged: site prints it as it would have ("Error in
    # sitecustomize; ...") and the import system drops the module.
    sys.modules.pop("sitecustomize", None)
    sys.meta_path.insert(0, _HiddenSitecustomizeFinder)
    try:
        import sitecustomize  # noqa: F401
    finally:
        sys.meta_path.remove(_HiddenSitecustomizeFinder)


def _connect_to_proclab():
    # Only when ProcLab listens: then proclab_hook.py, beside this file, gives each process its
    # own output pipes and reports its multiprocessing calls (docs/python-hook.md).
    if not os.environ.get("PROCLAB_PYTHON_CHANNEL"):
        return
    try:
        from importlib.machinery import PathFinder

        here = os.path.dirname(os.path.abspath(__file__))
        spec = PathFinder.find_spec("proclab_hook", [here])
        module = type(sys)(spec.name)
        module.__spec__ = spec
        module.__file__ = spec.origin
        module.__loader__ = spec.loader
        spec.loader.exec_module(module)
        module.install()
    except Exception:
        pass  # never the program's problem


_line_buffer_streams()
_connect_to_proclab()
_run_next_sitecustomize()
