"""Internal calls of System.IO.Path: the directory for temporary files."""
import os

from .managed_values import new_string
from .registry import icall


@icall("System.IO.Path::get_temp_path()")
def get_temp_path(engine):
    """TMPDIR, TMP or TEMP, else /tmp (Path.GetTempPath adds the final separator)."""
    for var in ("TMPDIR", "TMP", "TEMP"):
        value = os.environ.get(var)
        if value:
            return new_string(engine, value)
    return new_string(engine, "/tmp")
