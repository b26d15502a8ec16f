"""The icall registry imports an icall module only when a method of its class is looked up: every
registered internal call must be found in the module `registry.module_name` names for its class."""
from clrpy.icalls import registry


def test_every_icall_lives_in_its_class_module():
    registry._load_modules()
    misplaced = []
    for key, fn in registry._IMPLEMENTATIONS.items():
        class_name = key[:key.index("::")]
        if f"{registry.__package__}.{registry.module_name(class_name)}" != fn.__module__:
            misplaced.append(f"{key} is in {fn.__module__}")
    assert not misplaced, "\n".join(misplaced)


def test_module_name_follows_the_class_name():
    assert registry.module_name("System.IO.MonoIO") == "system_io_monoio"
    assert registry.module_name("Interop+Sys") == "interop_sys"
    assert registry.module_name("System.Threading.Volatile") == "system_threading_thread"


def test_classes_with_replacements_are_listed():
    registry._load_modules()
    classes = {key[:key.index("::")] for key in registry._REPLACED}
    assert classes <= registry.CLASSES_WITH_REPLACEMENTS
