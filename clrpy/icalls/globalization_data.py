"""Culture data: the facts the class library's CultureInfo, NumberFormatInfo and DateTimeFormatInfo
ask the runtime for, for the cultures clrpy knows.

Mono keeps these in tables compiled into its runtime and hands them out through internal calls
(system_globalization_*.py); clrpy has its own table, written from published locale facts (CLDR,
and Windows' culture identifiers and code pages) for a set of common cultures. The invariant
culture needs nothing from here: the class library builds it itself. A culture not listed here does
not exist for clrpy: `new CultureInfo("xx-YY")` raises CultureNotFoundException and a LANG naming
it leaves the current culture invariant.

Each culture names its number format and date/time data by key, so that a neutral culture ("de")
and its main specific culture ("de-DE") share them.
"""
from dataclasses import dataclass, field


@dataclass(frozen=True)
class NumberData:
    """NumberFormatInfo's culture-specific values (patterns are .NET's pattern numbers)."""
    decimal_separator: str = "."
    group_separator: str = ","
    group_sizes: tuple = (3,)
    negative_pattern: int = 1
    currency_symbol: str = "\u00a4"
    currency_decimal_separator: str = None      # None: as decimal_separator
    currency_group_separator: str = None        # None: as group_separator
    currency_decimal_digits: int = 2
    currency_positive_pattern: int = 0
    currency_negative_pattern: int = 0
    percent_symbol: str = "%"
    per_mille_symbol: str = "\u2030"
    percent_positive_pattern: int = 0
    percent_negative_pattern: int = 0
    nan_symbol: str = "NaN"
    positive_infinity_symbol: str = "Infinity"
    negative_infinity_symbol: str = "-Infinity"
    positive_sign: str = "+"
    negative_sign: str = "-"
    decimal_digits: int = 2


@dataclass(frozen=True)
class DateTimeData:
    """The culture's date and time facts (CultureData's and its Gregorian CalendarData's)."""
    am: str
    pm: str
    short_dates: tuple
    long_dates: tuple
    short_times: tuple
    long_times: tuple
    month_day: str
    year_months: tuple
    day_names: tuple
    abbrev_day_names: tuple
    shortest_day_names: tuple
    month_names: tuple              # 12 names
    abbrev_month_names: tuple
    genitive_month_names: tuple = None          # None: as month_names
    abbrev_genitive_month_names: tuple = None
    time_separator: str = ":"
    first_day_of_week: int = 0      # System.DayOfWeek
    first_week_of_year: int = 0     # System.Globalization.CalendarWeekRule
    era_names: tuple = ("A.D.",)
    abbrev_era_names: tuple = ("AD",)
    two_digit_year_max: int = 2029


@dataclass(frozen=True)
class Culture:
    name: str
    lcid: int
    parent_lcid: int                # 0x7F: the invariant culture
    english_name: str
    native_name: str
    iso2: str
    iso3: str
    win3: str
    territory: str                  # region code; "" for neutral cultures
    code_pages: tuple               # (ANSI, OEM, Mac, EBCDIC)
    list_separator: str
    number: str                     # key of NUMBERS
    datetime: str                   # key of DATETIMES
    right_to_left: bool = False
    calendar_type: int = 0x101      # (calendar << 8) | GregorianCalendarTypes: Gregorian, localized
    specific_name: str = field(default=None)    # neutral cultures: the specific culture it stands for


_EN_DAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")

NUMBERS = {
    "en-US": NumberData(currency_symbol="$", currency_negative_pattern=0),
    "en-GB": NumberData(currency_symbol="\u00a3", currency_negative_pattern=1, percent_positive_pattern=1,
                        percent_negative_pattern=1),
    "de-DE": NumberData(decimal_separator=",", group_separator=".", currency_symbol="\u20ac",
                        currency_positive_pattern=3, currency_negative_pattern=8,
                        positive_infinity_symbol="+unendlich", negative_infinity_symbol="-unendlich"),
    "fr-FR": NumberData(decimal_separator=",", group_separator="\u00a0", currency_symbol="\u20ac",
                        currency_positive_pattern=3, currency_negative_pattern=8, percent_symbol="\u066a",
                        per_mille_symbol="\u0609", positive_infinity_symbol="+Infini",
                        negative_infinity_symbol="-Infini"),
    "es-ES": NumberData(decimal_separator=",", group_separator=".", currency_symbol="\u20ac",
                        currency_positive_pattern=3, currency_negative_pattern=8,
                        positive_infinity_symbol="Infinito", negative_infinity_symbol="-Infinito"),
    "it-IT": NumberData(decimal_separator=",", group_separator=".", currency_symbol="\u20ac",
                        currency_positive_pattern=2, currency_negative_pattern=9, percent_positive_pattern=1,
                        percent_negative_pattern=1, positive_infinity_symbol="+Infinito",
                        negative_infinity_symbol="-Infinito"),
}

DATETIMES = {
    "en-US": DateTimeData(
        am="AM", pm="PM",
        short_dates=("M/d/yyyy", "M/d/yy", "MM/dd/yy", "MM/dd/yyyy", "yy/MM/dd", "yyyy-MM-dd", "dd-MMM-yy"),
        long_dates=("dddd, MMMM d, yyyy", "MMMM d, yyyy", "dddd, d MMMM, yyyy", "d MMMM, yyyy"),
        short_times=("h:mm tt", "hh:mm tt", "H:mm", "HH:mm"),
        long_times=("h:mm:ss tt", "hh:mm:ss tt", "H:mm:ss", "HH:mm:ss"),
        month_day="MMMM d", year_months=("MMMM yyyy",),
        day_names=_EN_DAYS, abbrev_day_names=tuple(d[:3] for d in _EN_DAYS),
        shortest_day_names=tuple(d[0] for d in _EN_DAYS),
        month_names=_EN_MONTHS, abbrev_month_names=tuple(m[:3] for m in _EN_MONTHS)),
    "en-GB": DateTimeData(
        am="am", pm="pm",
        short_dates=("dd/MM/yyyy", "dd/MM/yy", "d/M/yy", "dd.MM.yy", "yyyy-MM-dd"),
        long_dates=("dd MMMM yyyy", "d MMMM yyyy", "dddd, d MMMM yyyy", "dddd, dd MMMM yyyy"),
        short_times=("HH:mm", "H:mm", "hh:mm tt", "h:mm tt"),
        long_times=("HH:mm:ss", "H:mm:ss", "hh:mm:ss tt", "h:mm:ss tt"),
        month_day="d MMMM", year_months=("MMMM yyyy",),
        day_names=_EN_DAYS, abbrev_day_names=tuple(d[:3] for d in _EN_DAYS),
        shortest_day_names=tuple(d[0] for d in _EN_DAYS),
        month_names=_EN_MONTHS, abbrev_month_names=tuple(m[:3] for m in _EN_MONTHS),
        first_day_of_week=1, first_week_of_year=2),
    "de-DE": DateTimeData(
        am="vorm.", pm="nachm.",
        short_dates=("dd.MM.yyyy", "dd.MM.yy", "yyyy-MM-dd", "dd. MMM. yyyy"),
        long_dates=("dddd, d. MMMM yyyy", "d. MMMM yyyy", "d. MMM. yyyy"),
        short_times=("HH:mm", "HH:mm' Uhr'"),
        long_times=("HH:mm:ss", "HH:mm:ss' Uhr'"),
        month_day="d. MMMM", year_months=("MMMM yyyy",),
        day_names=("Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"),
        abbrev_day_names=("So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"),
        shortest_day_names=("S", "M", "D", "M", "D", "F", "S"),
        month_names=("Januar", "Februar", "M\u00e4rz", "April", "Mai", "Juni", "Juli", "August", "September",
                     "Oktober", "November", "Dezember"),
        abbrev_month_names=("Jan", "Feb", "M\u00e4r", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"),
        first_day_of_week=1, first_week_of_year=2),
    "fr-FR": DateTimeData(
        am="AM", pm="PM",
        short_dates=("dd/MM/yyyy", "dd/MM/yy", "dd.MM.yy", "dd-MM-yy", "yyyy-MM-dd"),
        long_dates=("dddd d MMMM yyyy", "d MMMM yyyy", "d MMM yy"),
        short_times=("HH:mm", "H:mm", "HH.mm", "HH' h 'mm", "HH'h'mm"),
        long_times=("HH:mm:ss", "H:mm:ss"),
        month_day="d MMMM", year_months=("MMMM yyyy",),
        day_names=("dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"),
        abbrev_day_names=("dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."),
        shortest_day_names=("D", "L", "M", "M", "J", "V", "S"),
        month_names=("janvier", "f\u00e9vrier", "mars", "avril", "mai", "juin", "juillet", "ao\u00fbt", "septembre",
                     "octobre", "novembre", "d\u00e9cembre"),
        abbrev_month_names=("janv.", "f\u00e9vr.", "mars", "avr.", "mai", "juin", "juil.", "ao\u00fbt", "sept.",
                            "oct.", "nov.", "d\u00e9c."),
        first_day_of_week=1, first_week_of_year=2),
    "es-ES": DateTimeData(
        am="a. m.", pm="p. m.",
        short_dates=("dd/MM/yyyy", "dd/MM/yy", "d/M/yy", "dd-MM-yy", "yyyy-MM-dd"),
        long_dates=("dddd, d' de 'MMMM' de 'yyyy", "d' de 'MMMM' de 'yyyy"),
        short_times=("H:mm", "HH:mm"),
        long_times=("H:mm:ss", "HH:mm:ss"),
        month_day="d 'de' MMMM", year_months=("MMMM' de 'yyyy",),
        day_names=("domingo", "lunes", "martes", "mi\u00e9rcoles", "jueves", "viernes", "s\u00e1bado"),
        abbrev_day_names=("dom.", "lun.", "mar.", "mi\u00e9.", "jue.", "vie.", "s\u00e1b."),
        shortest_day_names=("D", "L", "M", "X", "J", "V", "S"),
        month_names=("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                     "octubre", "noviembre", "diciembre"),
        abbrev_month_names=("ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sept.", "oct.",
                            "nov.", "dic."),
        first_day_of_week=1, first_week_of_year=2),
    "it-IT": DateTimeData(
        am="AM", pm="PM",
        short_dates=("dd/MM/yyyy", "dd/MM/yy", "d/M/yy", "dd.MM.yy", "yyyy-MM-dd"),
        long_dates=("dddd d MMMM yyyy", "d MMMM yyyy", "dd MMMM yyyy"),
        short_times=("HH:mm", "H:mm", "HH.mm", "H.mm"),
        long_times=("HH:mm:ss", "H:mm:ss", "HH.mm.ss", "H.mm.ss"),
        month_day="d MMMM", year_months=("MMMM yyyy",),
        day_names=("domenica", "luned\u00ec", "marted\u00ec", "mercoled\u00ec", "gioved\u00ec", "venerd\u00ec",
                   "sabato"),
        abbrev_day_names=("dom", "lun", "mar", "mer", "gio", "ven", "sab"),
        shortest_day_names=("D", "L", "M", "M", "G", "V", "S"),
        month_names=("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
                     "settembre", "ottobre", "novembre", "dicembre"),
        abbrev_month_names=("gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"),
        first_day_of_week=1, first_week_of_year=2),
}

INVARIANT_LCID = 0x7F

CULTURES = (
    Culture("en", 0x0009, INVARIANT_LCID, "English", "English", "en", "eng", "ENU", "",
            (1252, 437, 10000, 37), ",", "en-US", "en-US", specific_name="en-US"),
    Culture("en-US", 0x0409, 0x0009, "English (United States)", "English (United States)", "en", "eng", "ENU", "US",
            (1252, 437, 10000, 37), ",", "en-US", "en-US"),
    Culture("en-GB", 0x0809, 0x0009, "English (United Kingdom)", "English (United Kingdom)", "en", "eng", "ENG", "GB",
            (1252, 850, 10000, 20285), ",", "en-GB", "en-GB"),
    Culture("de", 0x0007, INVARIANT_LCID, "German", "Deutsch", "de", "deu", "DEU", "",
            (1252, 850, 10000, 20273), ";", "de-DE", "de-DE", specific_name="de-DE"),
    Culture("de-DE", 0x0407, 0x0007, "German (Germany)", "Deutsch (Deutschland)", "de", "deu", "DEU", "DE",
            (1252, 850, 10000, 20273), ";", "de-DE", "de-DE"),
    Culture("fr", 0x000C, INVARIANT_LCID, "French", "fran\u00e7ais", "fr", "fra", "FRA", "",
            (1252, 850, 10000, 20297), ";", "fr-FR", "fr-FR", specific_name="fr-FR"),
    Culture("fr-FR", 0x040C, 0x000C, "French (France)", "fran\u00e7ais (France)", "fr", "fra", "FRA", "FR",
            (1252, 850, 10000, 20297), ";", "fr-FR", "fr-FR"),
    Culture("es", 0x000A, INVARIANT_LCID, "Spanish", "espa\u00f1ol", "es", "spa", "ESP", "",
            (1252, 850, 10000, 20284), ";", "es-ES", "es-ES", specific_name="es-ES"),
    Culture("es-ES", 0x0C0A, 0x000A, "Spanish (Spain)", "espa\u00f1ol (Espa\u00f1a)", "es", "spa", "ESN", "ES",
            (1252, 850, 10000, 20284), ";", "es-ES", "es-ES"),
    Culture("it", 0x0010, INVARIANT_LCID, "Italian", "italiano", "it", "ita", "ITA", "",
            (1252, 850, 10000, 20280), ";", "it-IT", "it-IT", specific_name="it-IT"),
    Culture("it-IT", 0x0410, 0x0010, "Italian (Italy)", "italiano (Italia)", "it", "ita", "ITA", "IT",
            (1252, 850, 10000, 20280), ";", "it-IT", "it-IT"),
)

BY_NAME = {c.name.lower(): c for c in CULTURES}
BY_LCID = {c.lcid: c for c in CULTURES}
# The integers the class library passes back to fill_culture_data / fill_number_data.
DATETIME_KEYS = sorted(DATETIMES)
NUMBER_KEYS = sorted(NUMBERS)
