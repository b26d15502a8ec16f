"""Internal calls of System.Globalization.CalendarData: the Gregorian calendar's date patterns,
day and month names and eras for a culture of clrpy's table (globalization_data.py)."""
from . import globalization_data as data
from .globalization_native import fields_of
from .managed_values import new_string, new_string_array, string_or_none, write_i32, write_ref
from .registry import icall


GREGORIAN = 1


@icall("System.Globalization.CalendarData::fill_calendar_data(System.String,System.Int32)")
def fill_calendar_data(engine, this, locale_name, calendar_id):
    culture = data.BY_NAME.get((string_or_none(locale_name) or "").lower())
    if culture is None or calendar_id & 0xFFFF != GREGORIAN:
        return 0
    dt = data.DATETIMES[culture.datetime]
    f = fields_of(engine, this)

    def strings(name, items):
        write_ref(this + f[name], new_string_array(engine, list(items)))

    write_ref(this + f["sNativeName"], new_string(engine, culture.native_name))
    strings("saShortDates", dt.short_dates)
    strings("saYearMonths", dt.year_months)
    strings("saLongDates", dt.long_dates)
    write_ref(this + f["sMonthDay"], new_string(engine, dt.month_day))
    strings("saEraNames", dt.era_names)
    strings("saAbbrevEraNames", dt.abbrev_era_names)
    strings("saAbbrevEnglishEraNames", ("AD",))
    strings("saDayNames", dt.day_names)
    strings("saAbbrevDayNames", dt.abbrev_day_names)
    strings("saSuperShortDayNames", dt.shortest_day_names)
    strings("saMonthNames", tuple(dt.month_names) + ("",))
    strings("saAbbrevMonthNames", tuple(dt.abbrev_month_names) + ("",))
    strings("saMonthGenitiveNames", tuple(dt.genitive_month_names or dt.month_names) + ("",))
    strings("saAbbrevMonthGenitiveNames", tuple(dt.abbrev_genitive_month_names or dt.abbrev_month_names) + ("",))
    write_i32(this + f["iTwoDigitYearMax"], dt.two_digit_year_max)
    write_i32(this + f["iCurrentEra"], 1)
    return 1
