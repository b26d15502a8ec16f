"""Internal calls of System.IO.MonoIO: files, directories and the console's streams, on the OS.

Mono's FileStream, the console streams and parts of File/Directory call these; they map onto POSIX
calls (os.*) and report failures as Win32 error codes (System.IO.MonoIOError) from which the
managed side builds its exceptions and messages (MonoIO.GetException: "Could not find file ...").

**Handles.** Managed code holds a file as an IntPtr it never interprets except that 0 and -1 are
invalid; ours is the file descriptor plus HANDLE_BIAS, so that stdin (descriptor 0) is a valid
handle. `OpenFiles` keeps what Windows semantics need beside the descriptor: the path, the access
and share modes (a second open of a file that the first open's FileShare excludes fails with a
sharing violation, within this process, as in Mono) and FileOptions.DeleteOnClose.

**Unbuffered.** Reads and writes go straight to the descriptor (FileStream buffers in managed
code, and the console's writer flushes itself), so the runtime holds no output that an exit could
lose.
"""
import ctypes
import errno
import os
import shutil
import stat as stat_module

from .managed_values import array_data, new_string, nul_terminated_chars, read_i32, write_i32, write_i64, write_ref
from .registry import icall

HANDLE_BIAS = 0x10000
INVALID_HANDLE = -1

# System.IO.MonoIOError (Win32 error codes)
SUCCESS = 0
FILE_NOT_FOUND = 2
PATH_NOT_FOUND = 3
TOO_MANY_OPEN_FILES = 4
ACCESS_DENIED = 5
INVALID_HANDLE_ERROR = 6
NOT_SAME_DEVICE = 17
NO_MORE_FILES = 18
WRITE_FAULT = 29
READ_FAULT = 30
GEN_FAILURE = 31
SHARING_VIOLATION = 32
LOCK_VIOLATION = 33
HANDLE_DISK_FULL = 39
NOT_SUPPORTED = 50
FILE_EXISTS = 80
CANNOT_MAKE = 82
INVALID_PARAMETER = 87
BROKEN_PIPE = 109
INVALID_NAME = 123
DIR_NOT_EMPTY = 145
ALREADY_EXISTS = 183
FILENAME_EXCED_RANGE = 206
DIRECTORY = 267

_ERRNO_TO_WIN32 = {
    errno.EACCES: ACCESS_DENIED, errno.EPERM: ACCESS_DENIED, errno.EROFS: ACCESS_DENIED,
    errno.EAGAIN: SHARING_VIOLATION, errno.EBUSY: LOCK_VIOLATION, errno.EEXIST: FILE_EXISTS,
    errno.EISDIR: CANNOT_MAKE, errno.ENFILE: TOO_MANY_OPEN_FILES, errno.EMFILE: TOO_MANY_OPEN_FILES,
    errno.ENOENT: FILE_NOT_FOUND, errno.ENOTDIR: PATH_NOT_FOUND, errno.ENOSPC: HANDLE_DISK_FULL,
    errno.ENOTEMPTY: DIR_NOT_EMPTY, errno.ENAMETOOLONG: FILENAME_EXCED_RANGE, errno.EINVAL: INVALID_PARAMETER,
    errno.EBADF: INVALID_HANDLE_ERROR, errno.EXDEV: NOT_SAME_DEVICE, errno.ENOSYS: NOT_SUPPORTED,
    errno.EPIPE: WRITE_FAULT, errno.EIO: GEN_FAILURE, errno.ELOOP: FILE_NOT_FOUND,
}


def win32_error(e: OSError) -> int:
    return _ERRNO_TO_WIN32.get(e.errno, GEN_FAILURE)


# System.IO.FileMode, FileAccess, FileShare, FileOptions, SeekOrigin, MonoFileType
MODE_CREATE_NEW, MODE_CREATE, MODE_OPEN, MODE_OPEN_OR_CREATE, MODE_TRUNCATE, MODE_APPEND = 1, 2, 3, 4, 5, 6
ACCESS_READ, ACCESS_WRITE = 1, 2
SHARE_READ, SHARE_WRITE, SHARE_DELETE = 1, 2, 4
OPTION_DELETE_ON_CLOSE = 0x04000000
FILE_TYPE_UNKNOWN, FILE_TYPE_DISK, FILE_TYPE_CHAR, FILE_TYPE_PIPE = 0, 1, 2, 3

# System.IO.FileAttributes
ATTR_READONLY, ATTR_HIDDEN, ATTR_DIRECTORY, ATTR_ARCHIVE, ATTR_NORMAL = 0x1, 0x2, 0x10, 0x20, 0x80
ATTR_REPARSE_POINT = 0x400

# FILETIME: 100-nanosecond intervals since 1601-01-01 UTC
FILETIME_UNIX_EPOCH = 116444736000000000


def filetime_of_ns(ns: int) -> int:
    return FILETIME_UNIX_EPOCH + ns // 100


def ns_of_filetime(ft: int) -> int:
    return (ft - FILETIME_UNIX_EPOCH) * 100


class OpenFile:
    __slots__ = ("fd", "path", "access", "share", "delete_on_close", "identity")

    def __init__(self, fd, path, access, share, delete_on_close=False, identity=None):
        self.fd, self.path, self.access, self.share = fd, path, access, share
        self.delete_on_close = delete_on_close
        self.identity = identity            # (st_dev, st_ino) of a disk file, for share checks


class OpenFiles:
    """The engine's table of open handles (see the module docstring)."""

    def __init__(self):
        self.by_handle = {}
        for fd in (0, 1, 2):
            self.by_handle[fd + HANDLE_BIAS] = OpenFile(fd, None, ACCESS_READ | ACCESS_WRITE,
                                                        SHARE_READ | SHARE_WRITE)

    def add(self, f: OpenFile) -> int:
        handle = f.fd + HANDLE_BIAS
        self.by_handle[handle] = f
        return handle

    def get(self, handle: int):
        return self.by_handle.get(handle)

    def remove(self, handle: int):
        return self.by_handle.pop(handle, None)

    def sharing_allows(self, identity, access: int, share: int) -> bool:
        """Whether a new open with `access` and `share` is compatible with the opens of the same
        file that are still in place (Windows share semantics, as Mono applies them in-process)."""
        for f in self.by_handle.values():
            if f.identity != identity:
                continue
            if (access & ACCESS_READ and not f.share & SHARE_READ) or \
               (access & ACCESS_WRITE and not f.share & SHARE_WRITE):
                return False
            if (f.access & ACCESS_READ and not share & SHARE_READ) or \
               (f.access & ACCESS_WRITE and not share & SHARE_WRITE):
                return False
        return True


def open_files(engine) -> OpenFiles:
    table = getattr(engine, "open_files", None)
    if table is None:
        table = engine.open_files = OpenFiles()
    return table


def _fd(engine, handle, error):
    f = open_files(engine).get(handle)
    if f is None:
        write_i32(error, INVALID_HANDLE_ERROR)
        return None
    return f.fd


# -- the console ---------------------------------------------------------------------------------------
@icall("System.IO.MonoIO::get_ConsoleInput()")
def console_input(engine):
    open_files(engine)
    return 0 + HANDLE_BIAS


@icall("System.IO.MonoIO::get_ConsoleOutput()")
def console_output(engine):
    open_files(engine)
    return 1 + HANDLE_BIAS


@icall("System.IO.MonoIO::get_ConsoleError()")
def console_error(engine):
    open_files(engine)
    return 2 + HANDLE_BIAS


# -- reading and writing ---------------------------------------------------------------------------------
@icall("System.IO.MonoIO::Read(System.IntPtr,System.Byte[],System.Int32,System.Int32,System.IO.MonoIOError&)")
def read(engine, handle, dest, offset, count, error):
    write_i32(error, SUCCESS)
    fd = _fd(engine, handle, error)
    if fd is None:
        return -1
    try:
        data = os.read(fd, count)
    except OSError as e:
        write_i32(error, READ_FAULT if e.errno == errno.EIO else win32_error(e))
        return -1
    ctypes.memmove(array_data(dest) + offset, data, len(data))
    return len(data)


@icall("System.IO.MonoIO::Write(System.IntPtr,System.Byte[],System.Int32,System.Int32,System.IO.MonoIOError&)")
def write(engine, handle, src, offset, count, error):
    write_i32(error, SUCCESS)
    fd = _fd(engine, handle, error)
    if fd is None:
        return -1
    view = ctypes.string_at(array_data(src) + offset, count)
    written = 0
    try:
        while written < count:
            written += os.write(fd, view[written:])
    except OSError as e:
        write_i32(error, win32_error(e))
        return -1
    return written


@icall("System.IO.MonoIO::Seek(System.IntPtr,System.Int64,System.IO.SeekOrigin,System.IO.MonoIOError&)")
def seek(engine, handle, offset, origin, error):
    write_i32(error, SUCCESS)
    fd = _fd(engine, handle, error)
    if fd is None:
        return -1
    try:
        return os.lseek(fd, offset, {0: os.SEEK_SET, 1: os.SEEK_CUR, 2: os.SEEK_END}[origin])
    except (OSError, KeyError) as e:
        write_i32(error, win32_error(e) if isinstance(e, OSError) else INVALID_PARAMETER)
        return -1


@icall("System.IO.MonoIO::Flush(System.IntPtr,System.IO.MonoIOError&)")
def flush(engine, handle, error):
    """Nothing is buffered here (see the module docstring); the OS has the data."""
    write_i32(error, SUCCESS)
    return 1 if _fd(engine, handle, error) is not None else 0


@icall("System.IO.MonoIO::GetLength(System.IntPtr,System.IO.MonoIOError&)")
def get_length(engine, handle, error):
    write_i32(error, SUCCESS)
    fd = _fd(engine, handle, error)
    if fd is None:
        return -1
    try:
        return os.fstat(fd).st_size
    except OSError as e:
        write_i32(error, win32_error(e))
        return -1


@icall("System.IO.MonoIO::SetLength(System.IntPtr,System.Int64,System.IO.MonoIOError&)")
def set_length(engine, handle, length, error):
    write_i32(error, SUCCESS)
    fd = _fd(engine, handle, error)
    if fd is None:
        return 0
    try:
        os.ftruncate(fd, length)
        return 1
    except OSError as e:
        write_i32(error, win32_error(e))
        return 0


@icall("System.IO.MonoIO::SetFileTime(System.IntPtr,System.Int64,System.Int64,System.Int64,System.IO.MonoIOError&)")
def set_file_time(engine, handle, creation, last_access, last_write, error):
    """Times are FILETIMEs; -1 leaves one as it is (POSIX has no creation time to set)."""
    write_i32(error, SUCCESS)
    fd = _fd(engine, handle, error)
    if fd is None:
        return 0
    try:
        st = os.fstat(fd)
        atime = ns_of_filetime(last_access) if last_access != -1 else st.st_atime_ns
        mtime = ns_of_filetime(last_write) if last_write != -1 else st.st_mtime_ns
        os.utime(fd, ns=(atime, mtime))
        return 1
    except OSError as e:
        write_i32(error, win32_error(e))
        return 0


@icall("System.IO.MonoIO::Lock(System.IntPtr,System.Int64,System.Int64,System.IO.MonoIOError&)")
def lock(engine, handle, position, length, error):
    write_i32(error, SUCCESS)
    return 1 if _fd(engine, handle, error) is not None else 0


@icall("System.IO.MonoIO::Unlock(System.IntPtr,System.Int64,System.Int64,System.IO.MonoIOError&)")
def unlock(engine, handle, position, length, error):
    write_i32(error, SUCCESS)
    return 1 if _fd(engine, handle, error) is not None else 0


@icall("System.IO.MonoIO::GetFileType(System.IntPtr,System.IO.MonoIOError&)")
def get_file_type(engine, handle, error):
    write_i32(error, SUCCESS)
    fd = _fd(engine, handle, error)
    if fd is None:
        return FILE_TYPE_UNKNOWN
    try:
        mode = os.fstat(fd).st_mode
    except OSError as e:
        write_i32(error, win32_error(e))
        return FILE_TYPE_UNKNOWN
    if stat_module.S_ISREG(mode) or stat_module.S_ISDIR(mode):
        return FILE_TYPE_DISK
    if stat_module.S_ISCHR(mode):
        return FILE_TYPE_CHAR
    if stat_module.S_ISFIFO(mode) or stat_module.S_ISSOCK(mode):
        return FILE_TYPE_PIPE
    return FILE_TYPE_UNKNOWN


@icall("System.IO.MonoIO::Cancel_internal(System.IntPtr,System.IO.MonoIOError&)")
def cancel(engine, handle, error):
    write_i32(error, SUCCESS)
    return 1


# -- opening and closing -----------------------------------------------------------------------------------
def _missing_path_error(path: str) -> int:
    """ENOENT means a missing file if its directory exists, else a missing part of the path."""
    parent = os.path.dirname(path) or "."
    return FILE_NOT_FOUND if os.path.isdir(parent) else PATH_NOT_FOUND


@icall("System.IO.MonoIO::Open(System.Char*,System.IO.FileMode,System.IO.FileAccess,System.IO.FileShare,"
       "System.IO.FileOptions,System.IO.MonoIOError&)")
def open_file(engine, path_ptr, mode, access, share, options, error):
    write_i32(error, SUCCESS)
    path = nul_terminated_chars(path_ptr)
    flags = {ACCESS_READ: os.O_RDONLY, ACCESS_WRITE: os.O_WRONLY}.get(access, os.O_RDWR)
    flags |= {MODE_CREATE_NEW: os.O_CREAT | os.O_EXCL, MODE_CREATE: os.O_CREAT | os.O_TRUNC,
              MODE_OPEN_OR_CREATE: os.O_CREAT, MODE_TRUNCATE: os.O_TRUNC, MODE_APPEND: os.O_CREAT}.get(mode, 0)
    if os.path.isdir(path):
        write_i32(error, ACCESS_DENIED)
        return INVALID_HANDLE
    table = open_files(engine)
    if mode == MODE_CREATE_NEW and os.path.lexists(path):
        write_i32(error, FILE_EXISTS)           # before any share check, as the open() would fail first
        return INVALID_HANDLE
    try:
        st = os.stat(path)
        if not table.sharing_allows((st.st_dev, st.st_ino), access, share):
            write_i32(error, SHARING_VIOLATION)
            return INVALID_HANDLE
    except OSError:
        pass
    try:
        fd = os.open(path, flags | os.O_CLOEXEC, 0o666)
    except OSError as e:
        code = _missing_path_error(path) if e.errno == errno.ENOENT else win32_error(e)
        if e.errno == errno.EEXIST:
            code = FILE_EXISTS
        write_i32(error, code)
        return INVALID_HANDLE
    st = os.fstat(fd)
    identity = (st.st_dev, st.st_ino) if stat_module.S_ISREG(st.st_mode) else None
    return table.add(OpenFile(fd, path, access, share, bool(options & OPTION_DELETE_ON_CLOSE), identity))


@icall("System.IO.MonoIO::Close(System.IntPtr,System.IO.MonoIOError&)")
def close(engine, handle, error):
    write_i32(error, SUCCESS)
    f = open_files(engine).remove(handle)
    if f is None:
        write_i32(error, INVALID_HANDLE_ERROR)
        return 0
    try:
        if f.fd > 2:
            os.close(f.fd)
        if f.delete_on_close and f.path:
            os.unlink(f.path)
        return 1
    except OSError as e:
        write_i32(error, win32_error(e))
        return 0


@icall("System.IO.MonoIO::CreatePipe(System.IntPtr&,System.IntPtr&,System.IO.MonoIOError&)")
def create_pipe(engine, read_out, write_out, error):
    write_i32(error, SUCCESS)
    r, w = os.pipe()
    table = open_files(engine)
    write_i64(read_out, table.add(OpenFile(r, None, ACCESS_READ, SHARE_READ | SHARE_WRITE)))
    write_i64(write_out, table.add(OpenFile(w, None, ACCESS_WRITE, SHARE_READ | SHARE_WRITE)))
    return 1


@icall("System.IO.MonoIO::DuplicateHandle(System.IntPtr,System.IntPtr,System.IntPtr,System.IntPtr&,"
       "System.Int32,System.Int32,System.Int32,System.IO.MonoIOError&)")
def duplicate_handle(engine, source_process, source, target_process, target_out, access, inherit, options, error):
    write_i32(error, SUCCESS)
    table = open_files(engine)
    f = table.get(source)
    if f is None:
        write_i32(error, INVALID_HANDLE_ERROR)
        return 0
    fd = os.dup(f.fd)
    write_i64(target_out, table.add(OpenFile(fd, f.path, f.access, f.share, False, f.identity)))
    return 1


# -- paths, files and directories ---------------------------------------------------------------------------
@icall("System.IO.MonoIO::get_VolumeSeparatorChar()")
def volume_separator(engine):
    return ord("/")


@icall("System.IO.MonoIO::get_DirectorySeparatorChar()")
def directory_separator(engine):
    return ord("/")


@icall("System.IO.MonoIO::get_AltDirectorySeparatorChar()")
def alt_directory_separator(engine):
    return ord("/")


@icall("System.IO.MonoIO::get_PathSeparator()")
def path_separator(engine):
    return ord(":")


@icall("System.IO.MonoIO::GetCurrentDirectory(System.IO.MonoIOError&)")
def get_current_directory(engine, error):
    write_i32(error, SUCCESS)
    try:
        return new_string(engine, os.getcwd())
    except OSError as e:
        write_i32(error, win32_error(e))
        return 0


@icall("System.IO.MonoIO::SetCurrentDirectory(System.Char*,System.IO.MonoIOError&)")
def set_current_directory(engine, path_ptr, error):
    return _path_call(error, os.chdir, nul_terminated_chars(path_ptr))


def _path_call(error, fn, *paths) -> int:
    write_i32(error, SUCCESS)
    try:
        fn(*paths)
        return 1
    except OSError as e:
        code = win32_error(e)
        if e.errno == errno.ENOENT:
            code = _missing_path_error(paths[0])
        write_i32(error, code)
        return 0


@icall("System.IO.MonoIO::CreateDirectory(System.Char*,System.IO.MonoIOError&)")
def create_directory(engine, path_ptr, error):
    path = nul_terminated_chars(path_ptr)
    ok = _path_call(error, os.mkdir, path, 0o777)
    if not ok and read_i32(error) == FILE_EXISTS:
        write_i32(error, ALREADY_EXISTS)
    return ok


@icall("System.IO.MonoIO::RemoveDirectory(System.Char*,System.IO.MonoIOError&)")
def remove_directory(engine, path_ptr, error):
    path = nul_terminated_chars(path_ptr)
    ok = _path_call(error, os.rmdir, path)
    if not ok and read_i32(error) == FILE_NOT_FOUND:
        write_i32(error, PATH_NOT_FOUND)
    return ok


@icall("System.IO.MonoIO::DeleteFile(System.Char*,System.IO.MonoIOError&)")
def delete_file(engine, path_ptr, error):
    path = nul_terminated_chars(path_ptr)
    if os.path.isdir(path):
        write_i32(error, ACCESS_DENIED)
        return 0
    return _path_call(error, os.unlink, path)


@icall("System.IO.MonoIO::MoveFile(System.Char*,System.Char*,System.IO.MonoIOError&)")
def move_file(engine, src_ptr, dest_ptr, error):
    src, dest = nul_terminated_chars(src_ptr), nul_terminated_chars(dest_ptr)
    if os.path.lexists(dest) and os.path.lexists(src) and not os.path.samefile(src, dest):
        write_i32(error, ALREADY_EXISTS)
        return 0
    return _path_call(error, os.rename, src, dest)


@icall("System.IO.MonoIO::CopyFile(System.Char*,System.Char*,System.Boolean,System.IO.MonoIOError&)")
def copy_file(engine, src_ptr, dest_ptr, overwrite, error):
    src, dest = nul_terminated_chars(src_ptr), nul_terminated_chars(dest_ptr)
    write_i32(error, SUCCESS)
    if not os.path.exists(src):
        write_i32(error, _missing_path_error(src))
        return 0
    if os.path.exists(dest) and not overwrite:
        write_i32(error, FILE_EXISTS)
        return 0
    return _path_call(error, shutil.copy2, src, dest)


@icall("System.IO.MonoIO::ReplaceFile(System.Char*,System.Char*,System.Char*,System.Boolean,System.IO.MonoIOError&)")
def replace_file(engine, src_ptr, dest_ptr, backup_ptr, ignore_metadata_errors, error):
    src, dest = nul_terminated_chars(src_ptr), nul_terminated_chars(dest_ptr)
    backup = nul_terminated_chars(backup_ptr) if backup_ptr else ""
    write_i32(error, SUCCESS)
    if backup and not _path_call(error, os.replace, dest, backup):
        return 0
    return _path_call(error, os.replace, src, dest)


def file_attributes(path: str, st, lst=None) -> int:
    """FileAttributes of a stat result: Directory, ReadOnly when the owner may not write, Hidden
    for dot-files, Normal for the rest; ReparsePoint for symbolic links."""
    hidden = os.path.basename(path.rstrip("/")).startswith(".")
    readonly = not st.st_mode & stat_module.S_IWUSR
    if stat_module.S_ISDIR(st.st_mode):
        attrs = ATTR_DIRECTORY | (ATTR_READONLY if readonly else 0) | (ATTR_HIDDEN if hidden else 0)
    elif readonly:
        attrs = ATTR_READONLY | (ATTR_HIDDEN if hidden else 0)
    elif hidden:
        attrs = ATTR_HIDDEN
    else:
        attrs = ATTR_NORMAL
    if lst is not None and stat_module.S_ISLNK(lst.st_mode):
        attrs |= ATTR_REPARSE_POINT
    return attrs


def _stat(path):
    """(stat, lstat) of a path, following a link when its target exists."""
    lst = os.lstat(path)
    try:
        return os.stat(path), lst
    except OSError:
        return lst, lst


@icall("System.IO.MonoIO::GetFileAttributes(System.Char*,System.IO.MonoIOError&)")
def get_file_attributes(engine, path_ptr, error):
    path = nul_terminated_chars(path_ptr)
    write_i32(error, SUCCESS)
    try:
        st, lst = _stat(path)
    except OSError as e:
        write_i32(error, _missing_path_error(path) if e.errno == errno.ENOENT else win32_error(e))
        return -1
    return file_attributes(path, st, lst)


@icall("System.IO.MonoIO::SetFileAttributes(System.Char*,System.IO.FileAttributes,System.IO.MonoIOError&)")
def set_file_attributes(engine, path_ptr, attrs, error):
    """Only ReadOnly has a POSIX meaning: it clears or restores the write permissions."""
    path = nul_terminated_chars(path_ptr)
    write_i32(error, SUCCESS)
    try:
        mode = os.stat(path).st_mode
        if attrs & ATTR_READONLY:
            mode &= ~(stat_module.S_IWUSR | stat_module.S_IWGRP | stat_module.S_IWOTH)
        else:
            mode |= stat_module.S_IWUSR
        os.chmod(path, stat_module.S_IMODE(mode))
        return 1
    except OSError as e:
        write_i32(error, _missing_path_error(path) if e.errno == errno.ENOENT else win32_error(e))
        return 0


@icall("System.IO.MonoIO::GetFileStat(System.Char*,System.IO.MonoIOStat&,System.IO.MonoIOError&)")
def get_file_stat(engine, path_ptr, stat_out, error):
    """MonoIOStat: {FileAttributes attributes; long Length, CreationTime, LastAccessTime,
    LastWriteTime} with FILETIME times (POSIX has no creation time: the older of ctime and mtime)."""
    path = nul_terminated_chars(path_ptr)
    write_i32(error, SUCCESS)
    try:
        st, lst = _stat(path)
    except OSError as e:
        write_i32(error, _missing_path_error(path) if e.errno == errno.ENOENT else win32_error(e))
        return 0
    write_i32(stat_out, file_attributes(path, st, lst))
    write_i64(stat_out + 8, st.st_size)
    write_i64(stat_out + 16, filetime_of_ns(min(st.st_ctime_ns, st.st_mtime_ns)))
    write_i64(stat_out + 24, filetime_of_ns(st.st_atime_ns))
    write_i64(stat_out + 32, filetime_of_ns(st.st_mtime_ns))
    return 1


# -- enumerating directories (FindFirstFile / FindNextFile) ------------------------------------------------
def _finds(engine) -> dict:
    finds = getattr(engine, "directory_finds", None)
    if finds is None:
        finds = engine.directory_finds = {"next": 1}
    return finds


def _report(engine, entry, name_out, attr_out):
    directory, name = entry
    full = os.path.join(directory, name)
    try:
        st, lst = _stat(full)
        attrs = file_attributes(full, st, lst)
    except OSError:
        attrs = ATTR_NORMAL
    write_ref(name_out, new_string(engine, name))
    write_i32(attr_out, attrs)


@icall("System.IO.MonoIO::FindFirstFile(System.Char*,System.String&,System.Int32&,System.Int32&)")
def find_first_file(engine, pattern_ptr, name_out, attr_out, error):
    """Entries of the directory of `pattern` whose names match its last part ('*' and '?')."""
    import fnmatch
    pattern = nul_terminated_chars(pattern_ptr)
    directory, _, mask = pattern.rpartition("/")
    directory = directory or "/"
    write_i32(error, SUCCESS)
    try:
        names = sorted(os.listdir(directory))
    except OSError as e:
        write_i32(error, PATH_NOT_FOUND if e.errno in (errno.ENOENT, errno.ENOTDIR) else win32_error(e))
        return INVALID_HANDLE
    entries = [(directory, n) for n in names if fnmatch.fnmatchcase(n, mask)]
    if not entries:
        write_i32(error, FILE_NOT_FOUND)
        return INVALID_HANDLE
    finds = _finds(engine)
    handle = finds["next"]
    finds["next"] += 1
    finds[handle] = iter(entries[1:])
    _report(engine, entries[0], name_out, attr_out)
    return handle


@icall("System.IO.MonoIO::FindNextFile(System.IntPtr,System.String&,System.Int32&,System.Int32&)")
def find_next_file(engine, handle, name_out, attr_out, error):
    write_i32(error, SUCCESS)
    it = _finds(engine).get(handle)
    entry = next(it, None) if it is not None else None
    if entry is None:
        write_i32(error, NO_MORE_FILES if it is not None else INVALID_HANDLE_ERROR)
        return 0
    _report(engine, entry, name_out, attr_out)
    return 1


@icall("System.IO.MonoIO::FindCloseFile(System.IntPtr)")
def find_close_file(engine, handle):
    return 1 if _finds(engine).pop(handle, None) is not None else 0


@icall("System.IO.MonoIO::DumpHandles()")
def dump_handles(engine):
    import sys
    for handle, f in sorted(open_files(engine).by_handle.items()):
        sys.stderr.write(f"handle 0x{handle:x}: fd {f.fd} {f.path or ''}\n")
