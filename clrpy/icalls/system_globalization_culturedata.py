"""Internal calls of System.Globalization.CultureData: a culture's time facts and number format,
from clrpy's table (globalization_data.py; see system_globalization_cultureinfo.py for the indices)."""
from . import globalization_data as data
from .globalization_native import ENTRY_FIELDS, fields_of, native_data
from .managed_values import FieldAccess, new_string, new_string_array, write_i32, write_ref
from .registry import icall


@icall("System.Globalization.CultureData::fill_culture_data(System.Int32)")
def fill_culture_data(engine, this, datetime_index):
    dt = data.DATETIMES[data.DATETIME_KEYS[datetime_index]]
    f = fields_of(engine, this)
    write_ref(this + f["sAM1159"], new_string(engine, dt.am))
    write_ref(this + f["sPM2359"], new_string(engine, dt.pm))
    write_ref(this + f["sTimeSeparator"], new_string(engine, dt.time_separator))
    write_ref(this + f["saLongTimes"], new_string_array(engine, dt.long_times))
    write_ref(this + f["saShortTimes"], new_string_array(engine, dt.short_times))
    write_i32(this + f["iFirstDayOfWeek"], dt.first_day_of_week)
    write_i32(this + f["iFirstWeekOfYear"], dt.first_week_of_year)


@icall("System.Globalization.CultureData::fill_number_data(System.Int32,"
       "System.Globalization.CultureData+NumberFormatEntryManaged&)")
def fill_number_data(engine, index, entry):
    pool, values = native_data(engine).number_entry(index)
    module = engine.loader.corlib_type("System", "Object").module
    entry_type = engine.loader.load_typedef(
        module, module.find_type_by_name("System.Globalization.CultureData+NumberFormatEntryManaged"))
    fa = FieldAccess(entry_type)
    for name in ENTRY_FIELDS:
        write_i32(entry + fa[name], values[name])
    return pool
