"""Internal calls of System.AppDomain, for the one application domain clrpy runs.

`AppDomain.CurrentDomain` is a single AppDomain object, built on first use and kept alive as a
Python root; it is also the root domain. Its data (`SetData`/`GetData`, which the class library
reads for settings such as Regex's REGEX_DEFAULT_MATCH_TIMEOUT) is a table of name -> object held
here, each value a Python root while it is stored. Its friendly name is the program's file name,
as Mono names the root domain. Creating, unloading or switching domains is not supported (those
icalls are missing and raise NotSupportedException naming themselves).
"""
import os

from .managed_values import new_string, string_or_none
from .registry import icall


def _domain(engine) -> int:
    domain = getattr(engine, "app_domain_object", 0)
    if not domain:
        th = engine.loader.corlib_type("System", "AppDomain")
        domain = engine.heap.new_object(engine.types.address(th), th.ensure_layout().instance_size)
        engine.add_python_root(domain)
        engine.app_domain_object = domain
        engine.app_domain_data = {}
    return domain


@icall("System.AppDomain::getCurDomain()")
def get_current_domain(engine):
    return _domain(engine)


@icall("System.AppDomain::getRootDomain()")
def get_root_domain(engine):
    return _domain(engine)


@icall("System.AppDomain::getFriendlyName()")
def get_friendly_name(engine, this):
    program = engine.command_line[0] if engine.command_line else None
    return new_string(engine, os.path.basename(program) if program else "clrpy")


@icall("System.AppDomain::GetData(System.String)")
def get_data(engine, this, name):
    _domain(engine)
    return engine.app_domain_data.get(string_or_none(name), 0)


@icall("System.AppDomain::SetData(System.String,System.Object)")
def set_data(engine, this, name, value):
    _domain(engine)
    key = string_or_none(name)
    old = engine.app_domain_data.pop(key, 0)
    if old:
        engine.remove_python_root(old)
    if value:
        engine.add_python_root(value)
        engine.app_domain_data[key] = value
