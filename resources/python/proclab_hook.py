"""ProcLab's channel, the Python end (docs/python-hook.md; the core's end is core/pythonchannel.cpp).

sitecustomize.py imports this module only when ProcLab put PROCLAB_PYTHON_CHANNEL in the
environment. In every Python process of the program (the program itself at start-up, a child
started by fork when it starts, a child started by spawn or forkserver, which is a new
interpreter, at its own start-up) it:

1. gives the process a pipe of its own for stdout and one for stderr, hands their read ends to
   ProcLab over the channel (the kernel tells ProcLab which process sent them), and puts the write
   ends on fd 1 and fd 2. Only a descriptor that still leads where its parent's did (to ProcLab) is
   moved: output the program sends elsewhere (a file, a pipe to another process) stays there. A
   process that is not Python writes into the pipe of its nearest Python ancestor.
2. reports the multiprocessing calls that the program's own code makes (Process(), start(),
   terminate(), join(), Pool(), ...), one JSON object a line, on a connection of its own opened
   at the first call. multiprocessing is patched only when the program imports it.

It must never change what the program does: when the channel cannot be reached it does nothing,
every error of its own is swallowed, and it writes nothing on a descriptor that is no longer its
own. It uses nothing newer than Python 3.9.
"""

import os
import sys

_VARIABLE = "PROCLAB_PYTHON_CHANNEL"
# The pipes (st_dev:st_ino) this process's stdout and stderr go to, for its children: a child
# moves a descriptor only when it still leads to one of them. Unset in the program itself, whose
# descriptors are ProcLab's own pipes.
_STREAMS_VARIABLE = "PROCLAB_PYTHON_STREAMS"
_HELLO = b"proclab-python 1 "

_address = None
# The calls connection of this process: (fd, its st_dev:st_ino), or None before the first
# call; False once it failed or was closed by the program: this process reports no more calls.
_calls = None
# The channel could not be reached: the hook does nothing more, in this process or its children.
_gone = False
_calls_lock = None
_multiprocessing_directory = None
_this_file = None


def _identity(fd):
    try:
        status = os.fstat(fd)
    except OSError:
        return None
    return "%d:%d" % (status.st_dev, status.st_ino)


def _connect():
    import _socket

    connection = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)  # close-on-exec
    try:
        connection.connect(_address)
    except BaseException:
        connection.close()
        raise
    return connection


def _redirect_output():
    """Gives this process its own stdout and stderr pipes to ProcLab."""
    parent = os.environ.get(_STREAMS_VARIABLE)
    identities = {1: _identity(1), 2: _identity(2)}
    if parent is None:
        # The program itself: fd 1 and fd 2 are ProcLab's stdout and stderr.
        kinds = {}
        if identities[1] is not None:
            kinds[identities[1]] = "stdout"
        if identities[2] is not None and identities[2] not in kinds:
            kinds[identities[2]] = "stderr"
    else:
        out, _, err = parent.partition(",")
        kinds = {}
        if out:
            kinds[out] = "stdout"
        if err and err not in kinds:
            kinds[err] = "stderr"
    # Which of its pipes each descriptor moves to: the stream it led to before.
    moves = {}
    for fd in (1, 2):
        kind = kinds.get(identities[fd]) if identities[fd] is not None else None
        if kind is not None:
            moves[fd] = kind
    if not moves:
        return True
    wanted = [kind for kind in ("stdout", "stderr") if kind in moves.values()]
    pipes = {}
    connection = None
    try:
        for kind in wanted:
            pipes[kind] = os.pipe()  # both ends close-on-exec until dup2 below
        connection = _connect()
        import _socket

        hello = _HELLO + b"output " + " ".join(wanted).encode() + b"\n"
        fds = b"".join(pipes[kind][0].to_bytes(4, sys.byteorder) for kind in wanted)
        connection.sendmsg([hello], [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS, fds)])
    except BaseException:
        for read_end, write_end in pipes.values():
            os.close(read_end)
            os.close(write_end)
        if connection is not None:
            connection.close()
        return False
    connection.close()
    for fd, kind in moves.items():
        os.dup2(pipes[kind][1], fd)  # inheritable, as fd 1 and 2 were
    for read_end, write_end in pipes.values():
        os.close(read_end)
        os.close(write_end)
    # For the children: the streams they may move, as this process's (stdout, stderr).
    os.environ[_STREAMS_VARIABLE] = "%s,%s" % (
        _identity(1) if moves.get(1) == "stdout" else (_identity(2) if moves.get(2) == "stdout" else ""),
        _identity(2) if moves.get(2) == "stderr" else (_identity(1) if moves.get(1) == "stderr" else ""),
    )
    return True


def _after_fork_in_child():
    # A fork child: its own pipes (what it then writes, even what its parent left in the buffers
    # of sys.stdout it inherited, is its own), and its own calls connection, opened when needed.
    global _calls, _calls_lock, _gone
    try:
        import _thread

        _calls_lock = _thread.allocate_lock()  # another thread may have held the parent's
        if _gone:
            return
        inherited = _calls
        _calls = None
        if inherited:
            fd, identity = inherited
            if _identity(fd) == identity:
                os.close(fd)  # the parent's; this process opens its own when it calls
        if not _redirect_output():
            _gone = True
    except BaseException:
        pass


# --- calls -----------------------------------------------------------------------------------


def _caller():
    """The file and line of the program's code that made the call being reported, or None when
    multiprocessing made it itself (its own use of its own API is not the program's story)."""
    frame = sys._getframe(2)
    while frame is not None:
        file = frame.f_code.co_filename
        if file == _this_file or file.endswith(("multiprocessing/context.py", "multiprocessing/__init__.py")):
            frame = frame.f_back
            continue
        if _multiprocessing_directory and file.startswith(_multiprocessing_directory):
            return None
        if file.startswith("<"):
            return (file, frame.f_lineno)
        return (os.path.abspath(file), frame.f_lineno)
    return None


def _send(record):
    global _calls, _gone
    if _gone or _calls is False or _calls_lock is None:
        return
    import json
    import time

    record["pid"] = os.getpid()
    record["t"] = time.time()
    line = (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode(
        "utf-8", "replace"
    )
    with _calls_lock:
        try:
            if _calls is None:
                try:
                    connection = _connect()
                except BaseException:
                    _gone = True
                    return
                # A bare descriptor, not a socket object, so that no finalizer ever closes a
                # number that the program may have closed and reused.
                fd = connection.detach()
                _calls = (fd, _identity(fd))
                _write_all(fd, _HELLO + b"calls\n")
            fd, identity = _calls
            # The program may have closed every descriptor (os.closerange) and opened a file
            # that got this number: never write into it.
            if _identity(fd) != identity:
                _calls = False
                return
            _write_all(fd, line)
        except BaseException:
            _calls = False


def _write_all(fd, data):
    # send(MSG_NOSIGNAL), not write(): a program that restored SIGPIPE's default must not die
    # because ProcLab went away.
    import _socket

    connection = _socket.socket(fileno=fd)
    try:
        view = memoryview(data)
        while view:
            view = view[connection.send(view, _socket.MSG_NOSIGNAL):]
    finally:
        connection.detach()


def _report(call, where, **fields):
    try:
        record = {"call": call}
        record.update(fields)
        record["file"], record["line"] = where
        _send(record)
    except BaseException:
        pass


def _function_name(function):
    if function is None:
        return ""
    return getattr(function, "__qualname__", None) or getattr(function, "__name__", None) or repr(function)


def _cut(text, length=200):
    return text if len(text) <= length else text[: length - 1] + "\u2026"


def _exitcode_of(process, getter):
    try:
        return getter(process)
    except BaseException:
        return None


def _pid_of(process):
    try:
        popen = process._popen
        return popen.pid if popen is not None else 0
    except BaseException:
        return 0


def _patch_process(module):
    cls = module.BaseProcess
    original_init = cls.__init__
    original_start = cls.start
    original_terminate = cls.terminate
    original_kill = getattr(cls, "kill", None)
    original_join = cls.join
    original_close = getattr(cls, "close", None)
    exitcode_property = cls.exitcode
    exitcode_getter = exitcode_property.fget

    def __init__(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        where = _caller()
        if where:
            try:
                _report(
                    "Process",
                    where,
                    name=self.name,
                    function=_function_name(getattr(self, "_target", None)),
                    args=_cut(repr(tuple(getattr(self, "_args", ())))),
                )
            except BaseException:
                pass

    def start(self):
        where = _caller()
        result = original_start(self)
        if where:
            _report("start", where, target=_pid_of(self), name=_safe_name(self))
        return result

    def terminate(self):
        where = _caller()
        if where:
            _report("terminate", where, target=_pid_of(self), name=_safe_name(self))
        return original_terminate(self)

    def kill(self):
        where = _caller()
        if where:
            _report("kill", where, target=_pid_of(self), name=_safe_name(self))
        return original_kill(self)

    def join(self, timeout=None):
        where = _caller()
        if where:
            _report("join", where, target=_pid_of(self), name=_safe_name(self))
        result = original_join(self, timeout)
        if where:
            code = _exitcode_of(self, exitcode_getter)
            fields = {"target": _pid_of(self), "name": _safe_name(self)}
            if code is not None:
                fields["exitcode"] = code
            _report("joined", where, **fields)
        return result

    def close(self):
        where = _caller()
        if where:
            _report("close", where, target=_pid_of(self), name=_safe_name(self))
        return original_close(self)

    def exitcode(self):
        code = exitcode_getter(self)
        where = _caller()
        if where:
            fields = {"target": _pid_of(self), "name": _safe_name(self)}
            if code is not None:
                fields["exitcode"] = code
            _report("exitcode", where, **fields)
        return code

    for wrapper, original in (
        (__init__, original_init),
        (start, original_start),
        (terminate, original_terminate),
        (kill, original_kill),
        (join, original_join),
        (close, original_close),
    ):
        if original is not None:
            _same_face(wrapper, original)
            setattr(cls, original.__name__, wrapper)
    _same_face(exitcode, exitcode_getter)
    cls.exitcode = property(exitcode, exitcode_property.fset, exitcode_property.fdel, exitcode_property.__doc__)


def _safe_name(process):
    try:
        return process.name
    except BaseException:
        return ""


def _same_face(wrapper, original):
    # What help() and inspect show stays multiprocessing's.
    for attribute in ("__name__", "__qualname__", "__doc__", "__module__"):
        try:
            setattr(wrapper, attribute, getattr(original, attribute))
        except BaseException:
            pass
    try:
        wrapper.__wrapped__ = original
    except BaseException:
        pass


def _patch_pool(module):
    cls = module.Pool
    original_init = cls.__init__
    original_map = cls.map
    original_close = cls.close
    original_terminate = cls.terminate
    original_join = cls.join

    def __init__(self, *args, **kwargs):
        where = _caller()
        original_init(self, *args, **kwargs)
        if where:
            try:
                workers = list(getattr(self, "_pool", ()))
                _report(
                    "Pool",
                    where,
                    pids=[_pid_of(worker) for worker in workers],
                    names=[_safe_name(worker) for worker in workers],
                )
            except BaseException:
                pass

    def map(self, func, iterable, chunksize=None):
        where = _caller()
        if where:
            _report("Pool.map", where, function=_function_name(func))
        result = original_map(self, func, iterable, chunksize)
        if where:
            _report("Pool.mapped", where, function=_function_name(func))
        return result

    def close(self):
        where = _caller()
        if where:
            _report("Pool.close", where)
        return original_close(self)

    def terminate(self):
        where = _caller()
        if where:
            _report("Pool.terminate", where)
        return original_terminate(self)

    def join(self):
        where = _caller()
        if where:
            _report("Pool.join", where)
        return original_join(self)

    for wrapper, original in (
        (__init__, original_init),
        (map, original_map),
        (close, original_close),
        (terminate, original_terminate),
        (join, original_join),
    ):
        _same_face(wrapper, original)
        setattr(cls, original.__name__, wrapper)


_PATCHES = {"multiprocessing.process": _patch_process, "multiprocessing.pool": _patch_pool}


class _Loader:
    """multiprocessing's own loader, then the patch, once the module has run."""

    def __init__(self, loader, patch):
        self._loader = loader
        self._patch = patch

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        try:
            global _multiprocessing_directory
            if _multiprocessing_directory is None:
                _multiprocessing_directory = os.path.dirname(module.__file__) + os.sep
            self._patch(module)
        except BaseException:
            pass

    def __getattr__(self, name):
        return getattr(self._loader, name)


class _Finder:
    """Waits, on sys.meta_path, for the program to import multiprocessing."""

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        patch = _PATCHES.get(name)
        if patch is None:
            return None
        try:
            from importlib.machinery import PathFinder

            spec = PathFinder.find_spec(name, path)
            if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
                return None
            spec.loader = _Loader(spec.loader, patch)
            return spec
        except BaseException:
            return None


def install():
    """Called by sitecustomize at start-up, when PROCLAB_PYTHON_CHANNEL is set."""
    global _address, _gone, _calls_lock, _this_file
    value = os.environ.get(_VARIABLE, "")
    if not value:
        return
    _address = ("\0" + value[1:]) if value.startswith("@") else value
    _this_file = __file__
    try:
        import _thread

        _calls_lock = _thread.allocate_lock()
    except BaseException:
        return
    if not _redirect_output():
        _gone = True  # the channel cannot be reached: silent from now on
        return
    os.register_at_fork(after_in_child=_after_fork_in_child)
    sys.meta_path.insert(0, _Finder)
