"""Interop.Sys: the P/Invokes into Mono's "System.Native" library that the class library's file-system
code (System.IO.FileSystem, FileStatus, directory enumeration) and TimeZoneInfo make, implemented
by the runtime on the OS (os.*) instead of by loading libmono-native.

They are bound like internal calls (the registry serves P/Invoke methods it has an implementation
for), so they receive managed arguments as they are: strings as String objects, SafeHandles as
objects, `out` structs as pointers. A failing call returns -1 and leaves errno where
Marshal.GetLastWin32Error finds it (engine.last_error), as a SetLastError P/Invoke does; the class
library then asks ConvertErrorPlatformToPal for the portable code (Interop.Error, whose values are
read from the class library itself by errno name).
"""
import ctypes
import errno
import os
import stat as stat_module

from .managed_values import FieldAccess, array_data, string_or_none, write_i32, write_i64
from .registry import icall
from .system_io_monoio import open_files

# Interop.Sys.NodeType (dirent d_type values)
_NODE_TYPES = {stat_module.S_IFIFO: 1, stat_module.S_IFCHR: 2, stat_module.S_IFDIR: 4, stat_module.S_IFBLK: 6,
               stat_module.S_IFREG: 8, stat_module.S_IFLNK: 10, stat_module.S_IFSOCK: 12}
DIRENT_BUFFER_SIZE = 280            # what GetReadDirRBufferSize reports: a struct dirent
END_OF_DIRECTORY = -1


def _fail(engine, e: OSError) -> int:
    engine.last_error = e.errno or errno.EIO
    return -1


def _path(obj) -> str:
    return string_or_none(obj) or ""


def _utf8_path(ptr: int) -> str:
    return os.fsdecode(ctypes.string_at(ptr)) if ptr else ""


def _handle_fd(engine, safe_handle) -> int:
    th = engine.types.type_of_object(safe_handle)
    handle = ctypes.c_int64.from_address(safe_handle + FieldAccess(th)["handle"]).value
    f = open_files(engine).get(handle)
    if f is None:
        raise OSError(errno.EBADF, "bad handle")
    return f.fd


# -- errors ----------------------------------------------------------------------------------------------
def _pal_codes(engine) -> dict:
    """errno name -> Interop.Error value, read from the class library's enum."""
    codes = getattr(engine, "pal_error_codes", None)
    if codes is None:
        module = engine.loader.corlib_type("System", "Object").module
        th = engine.loader.load_typedef(module, module.find_type_by_name("Interop+Error"))
        codes = {}
        for f in th.fields:
            row = module.constant(f.token) if f.is_literal else None
            if row is not None:
                codes[f.name] = int.from_bytes(bytes(row.value)[:4], "little", signed=True)
        engine.pal_error_codes = codes
    return codes


@icall("Interop+Sys::ConvertErrorPlatformToPal(System.Int32)")
def convert_error_platform_to_pal(engine, platform_errno):
    if platform_errno == 0:
        return 0
    name = errno.errorcode.get(platform_errno)
    codes = _pal_codes(engine)
    if name == "EWOULDBLOCK":
        name = "EAGAIN"
    return codes.get(name, 0x10000 + 0xFFFF)       # unknown: Interop.Error.ENONSTANDARD


@icall("Interop+Sys::ConvertErrorPalToPlatform(Interop+Error)")
def convert_error_pal_to_platform(engine, pal):
    for name, value in _pal_codes(engine).items():
        if value == pal and hasattr(errno, name):
            return getattr(errno, name)
    return -1


@icall("Interop+Sys::StrErrorR(System.Int32,System.Byte*,System.Int32)")
def str_error_r(engine, platform_errno, buffer, size):
    text = os.strerror(platform_errno).encode("utf-8")[:max(size - 1, 0)] + b"\0"
    ctypes.memmove(buffer, text, len(text))
    return buffer


@icall("Interop+Sys::GetNonCryptographicallySecureRandomBytes(System.Byte*,System.Int32)")
def random_bytes(engine, buffer, length):
    if length > 0:
        ctypes.memmove(buffer, os.urandom(length), length)


# -- status ----------------------------------------------------------------------------------------------
def _file_status_offsets(engine) -> FieldAccess:
    fa = getattr(engine, "file_status_fields", None)
    if fa is None:
        module = engine.loader.corlib_type("System", "Object").module
        th = engine.loader.load_typedef(module, module.find_type_by_name("Interop+Sys+FileStatus"))
        fa = engine.file_status_fields = FieldAccess(th)
    return fa


def _write_status(engine, out, st):
    f = _file_status_offsets(engine)
    write_i32(out + f["Flags"], 0)                      # no birth time on Linux
    write_i32(out + f["Mode"], st.st_mode)
    ctypes.c_uint32.from_address(out + f["Uid"]).value = st.st_uid
    ctypes.c_uint32.from_address(out + f["Gid"]).value = st.st_gid
    write_i64(out + f["Size"], st.st_size)
    for name, ns in (("ATime", st.st_atime_ns), ("MTime", st.st_mtime_ns), ("CTime", st.st_ctime_ns)):
        write_i64(out + f[name], ns // 1_000_000_000)
        write_i64(out + f[name + "Nsec"], ns % 1_000_000_000)
    write_i64(out + f["BirthTime"], 0)
    write_i64(out + f["BirthTimeNsec"], 0)
    write_i64(out + f["Dev"], st.st_dev)
    write_i64(out + f["Ino"], st.st_ino)
    ctypes.c_uint32.from_address(out + f["UserFlags"]).value = 0


def _stat_call(engine, fn, target, out):
    try:
        st = fn(target)
    except OSError as e:
        return _fail(engine, e)
    _write_status(engine, out, st)
    return 0


@icall("Interop+Sys::Stat(System.String,Interop+Sys+FileStatus&)")
def stat_path(engine, path, out):
    return _stat_call(engine, os.stat, _path(path), out)


@icall("Interop+Sys::LStat(System.String,Interop+Sys+FileStatus&)")
def lstat_path(engine, path, out):
    return _stat_call(engine, os.lstat, _path(path), out)


@icall("Interop+Sys::Stat(System.Byte&,Interop+Sys+FileStatus&)")
def stat_utf8(engine, path, out):
    return _stat_call(engine, os.stat, _utf8_path(path), out)


@icall("Interop+Sys::LStat(System.Byte&,Interop+Sys+FileStatus&)")
def lstat_utf8(engine, path, out):
    return _stat_call(engine, os.lstat, _utf8_path(path), out)


@icall("Interop+Sys::FStat(Microsoft.Win32.SafeHandles.SafeFileHandle,Interop+Sys+FileStatus&)")
def fstat(engine, safe_handle, out):
    try:
        fd = _handle_fd(engine, safe_handle)
    except OSError as e:
        return _fail(engine, e)
    return _stat_call(engine, os.fstat, fd, out)


# -- changing the file system --------------------------------------------------------------------------------
def _call(engine, fn, *args) -> int:
    try:
        fn(*args)
        return 0
    except OSError as e:
        return _fail(engine, e)


@icall("Interop+Sys::MkDir(System.String,System.Int32)")
def mkdir(engine, path, mode):
    return _call(engine, os.mkdir, _path(path), mode)


@icall("Interop+Sys::RmDir(System.String)")
def rmdir(engine, path):
    return _call(engine, os.rmdir, _path(path))


@icall("Interop+Sys::Unlink(System.String)")
def unlink(engine, path):
    return _call(engine, os.unlink, _path(path))


@icall("Interop+Sys::Rename(System.String,System.String)")
def rename(engine, old, new):
    return _call(engine, os.rename, _path(old), _path(new))


@icall("Interop+Sys::Link(System.String,System.String)")
def link(engine, source, target):
    return _call(engine, os.link, _path(source), _path(target))


@icall("Interop+Sys::Symlink(System.String,System.String)")
def symlink(engine, target, link_path):
    return _call(engine, os.symlink, _path(target), _path(link_path))


@icall("Interop+Sys::ChMod(System.String,System.Int32)")
def chmod(engine, path, mode):
    return _call(engine, os.chmod, _path(path), mode)


@icall("Interop+Sys::LChflags(System.String,System.UInt32)")
def lchflags(engine, path, flags):
    engine.last_error = errno.ENOTSUP
    return -1


@icall("Interop+Sys::LChflagsCanSetHiddenFlag()")
def lchflags_can_set_hidden_flag(engine):
    return 0


@icall("Interop+Sys::GetEUid()")
def get_euid(engine):
    return os.geteuid()


@icall("Interop+Sys::GetEGid()")
def get_egid(engine):
    return os.getegid()


@icall("Interop+Sys::UTime(System.String,Interop+Sys+UTimBuf&)")
def utime(engine, path, times):
    access, modified = ctypes.c_int64.from_address(times).value, ctypes.c_int64.from_address(times + 8).value
    return _call(engine, os.utime, _path(path), (access, modified))


@icall("Interop+Sys::UTimes(System.String,Interop+Sys+TimeValPair&)")
def utimes(engine, path, times):
    a_sec, a_usec, m_sec, m_usec = (ctypes.c_int64.from_address(times + 8 * i).value for i in range(4))
    ns = ((a_sec * 1_000_000 + a_usec) * 1000, (m_sec * 1_000_000 + m_usec) * 1000)
    return _call(engine, lambda p: os.utime(p, ns=ns), _path(path))


@icall("Interop+Sys::CopyFile(Microsoft.Win32.SafeHandles.SafeFileHandle,Microsoft.Win32.SafeHandles.SafeFileHandle)")
def copy_file(engine, source, destination):
    try:
        src, dst = _handle_fd(engine, source), _handle_fd(engine, destination)
        while True:
            chunk = os.read(src, 1 << 16)
            if not chunk:
                break
            while chunk:
                chunk = chunk[os.write(dst, chunk):]
        os.fchmod(dst, stat_module.S_IMODE(os.fstat(src).st_mode))
        return 0
    except OSError as e:
        return _fail(engine, e)


@icall("Interop+Sys::ReadLink(System.String,System.Byte[],System.Int32)")
def read_link(engine, path, buffer, size):
    try:
        target = os.fsencode(os.readlink(_path(path)))
    except OSError as e:
        return _fail(engine, e)
    n = min(len(target), size)
    ctypes.memmove(array_data(buffer), target, n)
    return n


# -- directories -------------------------------------------------------------------------------------------
def _dirs(engine) -> dict:
    d = getattr(engine, "open_directories", None)
    if d is None:
        d = engine.open_directories = {"next": 1}
    return d


@icall("Interop+Sys::OpenDir(System.String)")
def open_dir(engine, path):
    """A handle on an open directory: its entries as readdir gives them, "." and ".." first."""
    try:
        it = os.scandir(_path(path))
    except OSError as e:
        _fail(engine, e)
        return 0
    dirs = _dirs(engine)
    handle = dirs["next"]
    dirs["next"] += 1
    dirs[handle] = (it, [".", ".."])
    return handle


@icall("Interop+Sys::GetReadDirRBufferSize()")
def get_read_dir_buffer_size(engine):
    return DIRENT_BUFFER_SIZE


@icall("Interop+Sys::ReadDirR(System.IntPtr,System.Byte*,System.Int32,Interop+Sys+DirectoryEntry&)")
def read_dir(engine, handle, buffer, size, entry):
    """0 and the next entry in `entry` (its name copied into `buffer`), -1 at the end, or an errno."""
    state = _dirs(engine).get(handle)
    if state is None:
        return errno.EBADF
    it, pending = state
    if pending:
        name, node_type = pending.pop(0), 4
    else:
        try:
            d = next(it, None)
        except OSError as e:
            return e.errno or errno.EIO
        if d is None:
            return END_OF_DIRECTORY
        name = d.name
        try:
            node_type = _NODE_TYPES.get(stat_module.S_IFMT(d.stat(follow_symlinks=False).st_mode), 0)
        except OSError:
            node_type = 0
    raw = os.fsencode(name)[:max(size - 1, 0)]
    ctypes.memmove(buffer, raw + b"\0", len(raw) + 1)
    f = _directory_entry_offsets(engine)
    ctypes.c_uint64.from_address(entry + f["Name"]).value = buffer
    write_i32(entry + f["NameLength"], len(raw))
    write_i32(entry + f["InodeType"], node_type)
    return 0


def _directory_entry_offsets(engine) -> FieldAccess:
    fa = getattr(engine, "directory_entry_fields", None)
    if fa is None:
        module = engine.loader.corlib_type("System", "Object").module
        th = engine.loader.load_typedef(module, module.find_type_by_name("Interop+Sys+DirectoryEntry"))
        fa = engine.directory_entry_fields = FieldAccess(th)
    return fa


@icall("Interop+Sys::CloseDir(System.IntPtr)")
def close_dir(engine, handle):
    state = _dirs(engine).pop(handle, None)
    if state is None:
        engine.last_error = errno.EBADF
        return -1
    state[0].close()
    return 0
