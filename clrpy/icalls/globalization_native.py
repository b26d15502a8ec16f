"""Native records the class library's globalization code reads through pointers, built once per
culture from globalization_data.py: CultureInfo's `textinfo_data` record and the string pools
CultureData.fill_number_data returns (see system_globalization_cultureinfo.py)."""
import ctypes

from . import globalization_data as data
from .managed_values import FieldAccess

ENTRY_FIELDS = ("currency_decimal_digits", "currency_decimal_separator", "currency_group_separator",
                 "currency_group_sizes0", "currency_group_sizes1", "currency_negative_pattern",
                 "currency_positive_pattern", "currency_symbol", "nan_symbol", "negative_infinity_symbol",
                 "negative_sign", "number_decimal_digits", "number_decimal_separator", "number_group_separator",
                 "number_group_sizes0", "number_group_sizes1", "number_negative_pattern", "per_mille_symbol",
                 "percent_negative_pattern", "percent_positive_pattern", "percent_symbol",
                 "positive_infinity_symbol", "positive_sign")


class NativeData:
    """Native records the class library reads through pointers, made once per culture."""

    def __init__(self, engine):
        self.engine = engine
        self.text_info = {}         # culture name -> address of the TextInfo data record
        self.pools = {}             # number index -> (pool address, {field: value})

    def text_info_record(self, culture) -> int:
        rec = self.text_info.get(culture.name)
        if rec is None:
            rec = self.text_info[culture.name] = self.engine.arena.alloc(24, 8)
            ansi, oem, mac, ebcdic = culture.code_pages
            for offset, value in ((0, ansi), (4, ebcdic), (8, mac), (12, oem)):
                ctypes.c_int32.from_address(rec + offset).value = value
            ctypes.c_uint8.from_address(rec + 16).value = 1 if culture.right_to_left else 0
            ctypes.c_uint8.from_address(rec + 17).value = ord(culture.list_separator) & 0xFF
        return rec

    def number_entry(self, index: int):
        entry = self.pools.get(index)
        if entry is None:
            entry = self.pools[index] = self._build_number_entry(data.NUMBERS[data.NUMBER_KEYS[index]])
        return entry

    def _build_number_entry(self, n: "data.NumberData"):
        pool = bytearray()
        offsets = {}

        def string(text):
            if text not in offsets:
                offsets[text] = len(pool)
                pool.extend(text.encode("utf-8") + b"\0")
            return offsets[text]

        sizes = tuple(n.group_sizes) + (-1, -1)
        values = {
            "currency_decimal_digits": n.currency_decimal_digits,
            "currency_decimal_separator": string(n.currency_decimal_separator or n.decimal_separator),
            "currency_group_separator": string(n.currency_group_separator or n.group_separator),
            "currency_group_sizes0": sizes[0], "currency_group_sizes1": sizes[1],
            "currency_negative_pattern": n.currency_negative_pattern,
            "currency_positive_pattern": n.currency_positive_pattern,
            "currency_symbol": string(n.currency_symbol), "nan_symbol": string(n.nan_symbol),
            "negative_infinity_symbol": string(n.negative_infinity_symbol),
            "negative_sign": string(n.negative_sign), "number_decimal_digits": n.decimal_digits,
            "number_decimal_separator": string(n.decimal_separator),
            "number_group_separator": string(n.group_separator),
            "number_group_sizes0": sizes[0], "number_group_sizes1": sizes[1],
            "number_negative_pattern": n.negative_pattern, "per_mille_symbol": string(n.per_mille_symbol),
            "percent_negative_pattern": n.percent_negative_pattern,
            "percent_positive_pattern": n.percent_positive_pattern, "percent_symbol": string(n.percent_symbol),
            "positive_infinity_symbol": string(n.positive_infinity_symbol),
            "positive_sign": string(n.positive_sign),
        }
        address = self.engine.arena.alloc(len(pool) + 1, 8)
        ctypes.memmove(address, bytes(pool), len(pool))
        return address, values


def native_data(engine) -> NativeData:
    nd = getattr(engine, "culture_native_data", None)
    if nd is None:
        nd = engine.culture_native_data = NativeData(engine)
    return nd


def fields_of(engine, this) -> FieldAccess:
    return FieldAccess(engine.types.type_of_object(this))
