"""Internal calls of System.Diagnostics.StackTrace: an exception's frames as StackFrame objects.

`new StackTrace(exception)` (and so ExceptionDispatchInfo, which Task and `await` use to carry an
exception to another place) asks for the frames the exception's throw captured. They come from the
same return addresses as Exception.StackTrace (runtime/stack_traces.py): each becomes a StackFrame
with its method (a reflection object), IL offset and, when asked for and the runtime was started
with debug symbols (`--debug`), its source file and line. Native offsets are not tracked: they are
StackFrame.OFFSET_UNKNOWN, as Mono reports for frames it cannot place.
"""
from ..runtime.stack_traces import frames, source_location_of
from .managed_values import array_data, write_i32, write_ref
from .registry import icall

OFFSET_UNKNOWN = -1


@icall("System.Diagnostics.StackTrace::get_trace(System.Exception,System.Int32,System.Boolean)")
def get_trace(engine, exception, skip, need_file_info):
    found = frames(engine, exception)[max(skip, 0):] if exception else []
    objects = engine.type_objects
    frame_type = engine.loader.corlib_type("System.Diagnostics", "StackFrame")
    array = objects.new_array(frame_type, len(found))
    for i, (md, il) in enumerate(found):
        frame = objects.new_object(frame_type)
        write_i32(frame + objects.offset(frame_type, "ilOffset"), il if il >= 0 else OFFSET_UNKNOWN)
        write_i32(frame + objects.offset(frame_type, "nativeOffset"), OFFSET_UNKNOWN)
        write_ref(frame + objects.offset(frame_type, "methodBase"), objects.method_info(md))
        where = source_location_of(engine, md, il) if need_file_info else None
        if where is not None:
            write_ref(frame + objects.offset(frame_type, "fileName"), engine.strings.new(where[0]))
            write_i32(frame + objects.offset(frame_type, "lineNumber"), where[1])
        write_ref(array_data(array) + 8 * i, frame)
    return array
