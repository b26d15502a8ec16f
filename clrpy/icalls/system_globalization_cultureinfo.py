"""Internal calls of System.Globalization.CultureInfo, CultureData and CalendarData: culture facts
from clrpy's own table (globalization_data.py), in the shapes Mono's class library expects.

* `CultureInfo.construct_internal_locale_from_name/lcid` fill a new CultureInfo's identity fields
  (LCID, names, ISO codes, parent, calendar type) and point `textinfo_data` at a small native
  record {int ansi, ebcdic, mac, oem; bool right_to_left; byte list_separator}; they also store the
  indices the class library later passes back to the other calls: `datetime_index` and
  `number_index` (positions in DATETIME_KEYS and NUMBER_KEYS).
* `CultureData.fill_culture_data(datetime_index)` fills the culture's time facts (AM/PM, time
  patterns, first day of week); `CalendarData.fill_calendar_data(name, calendar)` the Gregorian
  calendar's (date patterns, day and month names, eras).
* `CultureData.fill_number_data(number_index, ref entry)` fills NumberFormatEntryManaged with numbers
  and with offsets of NUL-terminated UTF-8 strings in a pool it returns a pointer to.
* `get_current_locale_name` is LC_ALL or LANG reduced to a culture name (runtime/host_locale.py);
  the class library falls back to the invariant culture when that culture does not exist.
"""
import ctypes

from ..runtime import host_locale
from . import globalization_data as data
from .globalization_native import fields_of, native_data
from .managed_values import new_string, new_string_array, string_or_none, write_i32, write_ref
from .registry import icall


def _construct(engine, this, culture) -> int:
    if culture is None:
        return 0
    f = fields_of(engine, this)
    write_i32(this + f["cultureID"], culture.lcid)
    write_i32(this + f["parent_lcid"], culture.parent_lcid)
    write_i32(this + f["datetime_index"], data.DATETIME_KEYS.index(culture.datetime))
    write_i32(this + f["number_index"], data.NUMBER_KEYS.index(culture.number))
    write_i32(this + f["default_calendar_type"], culture.calendar_type)
    for name, value in (("m_name", culture.name), ("englishname", culture.english_name),
                        ("nativename", culture.native_name), ("iso3lang", culture.iso3),
                        ("iso2lang", culture.iso2), ("win3lang", culture.win3),
                        ("territory", culture.territory or None)):
        write_ref(this + f[name], new_string(engine, value))
    write_ref(this + f["native_calendar_names"], new_string_array(engine, [culture.native_name]))
    ctypes.c_uint64.from_address(this + f["textinfo_data"]).value = native_data(engine).text_info_record(culture)
    return 1


@icall("System.Globalization.CultureInfo::construct_internal_locale_from_name(System.String)")
def construct_from_name(engine, this, name):
    return _construct(engine, this, data.BY_NAME.get((string_or_none(name) or "").lower()))


@icall("System.Globalization.CultureInfo::construct_internal_locale_from_lcid(System.Int32)")
def construct_from_lcid(engine, this, lcid):
    return _construct(engine, this, data.BY_LCID.get(lcid))


@icall("System.Globalization.CultureInfo::get_current_locale_name()")
def get_current_locale_name(engine):
    return new_string(engine, host_locale.current_culture_name())


@icall("System.Globalization.CultureInfo::internal_get_cultures(System.Boolean,System.Boolean,System.Boolean)")
def internal_get_cultures(engine, neutral, specific, installed):
    """CultureInfo objects for the cultures in the table (the class library's GetCultures adds the
    invariant culture in the null first slot)."""
    th = engine.loader.corlib_type("System.Globalization", "CultureInfo")
    chosen = [c for c in data.CULTURES if (neutral and c.specific_name) or (specific and not c.specific_name)]
    arr_type = engine.loader.array_of(th)
    arr = engine.heap.new_szarray(engine.types.address(arr_type), 8, len(chosen) + (1 if neutral else 0))
    base = 1 if neutral else 0
    for i, c in enumerate(chosen):
        obj = engine.heap.new_object(engine.types.address(th), th.ensure_layout().instance_size)
        _construct(engine, obj, c)
        write_ref(arr + 32 + 8 * (base + i), obj)
    return arr
