"""The metadata table schema (ECMA-335 II.22, and the Portable PDB tables), as data.

Each table is a list of columns. A column is a fixed-size constant (1, 2 or 4 bytes), an index
into a heap (2 or 4 bytes depending on the HeapSizes flags), an index into one table (2 or 4 bytes
depending on that table's row count) or a *coded index* into one of several tables (II.24.2.6:
the low bits tag the table, the rest is the row number; 2 bytes while every candidate table
has fewer than 2^(16 - tag bits) rows). Nothing here knows about a particular file; `tables.py`
turns the schema plus the row counts of one file into row layouts.
"""
import keyword
import re
from dataclasses import dataclass
from enum import IntEnum


class TableId(IntEnum):
    Module = 0x00
    TypeRef = 0x01
    TypeDef = 0x02
    FieldPtr = 0x03
    Field = 0x04
    MethodPtr = 0x05
    MethodDef = 0x06
    ParamPtr = 0x07
    Param = 0x08
    InterfaceImpl = 0x09
    MemberRef = 0x0A
    Constant = 0x0B
    CustomAttribute = 0x0C
    FieldMarshal = 0x0D
    DeclSecurity = 0x0E
    ClassLayout = 0x0F
    FieldLayout = 0x10
    StandAloneSig = 0x11
    EventMap = 0x12
    EventPtr = 0x13
    Event = 0x14
    PropertyMap = 0x15
    PropertyPtr = 0x16
    Property = 0x17
    MethodSemantics = 0x18
    MethodImpl = 0x19
    ModuleRef = 0x1A
    TypeSpec = 0x1B
    ImplMap = 0x1C
    FieldRVA = 0x1D
    EncLog = 0x1E
    EncMap = 0x1F
    Assembly = 0x20
    AssemblyProcessor = 0x21
    AssemblyOS = 0x22
    AssemblyRef = 0x23
    AssemblyRefProcessor = 0x24
    AssemblyRefOS = 0x25
    File = 0x26
    ExportedType = 0x27
    ManifestResource = 0x28
    NestedClass = 0x29
    GenericParam = 0x2A
    MethodSpec = 0x2B
    GenericParamConstraint = 0x2C
    # Portable PDB (in a .pdb file's own metadata, or embedded)
    Document = 0x30
    MethodDebugInformation = 0x31
    LocalScope = 0x32
    LocalVariable = 0x33
    LocalConstant = 0x34
    ImportScope = 0x35
    StateMachineMethod = 0x36
    CustomDebugInformation = 0x37


T = TableId

# Token types that are not tables: user strings (ldstr) and, in signatures, nothing else.
TOKEN_USER_STRING = 0x70


@dataclass(frozen=True)
class CodedIndex:
    """A coded index kind: its candidate tables, in tag order (None = an unused tag value)."""
    name: str
    tables: tuple

    @property
    def tag_bits(self) -> int:
        return max(1, (len(self.tables) - 1).bit_length())


def _ci(name, *tables):
    return CodedIndex(name, tables)


TypeDefOrRef = _ci("TypeDefOrRef", T.TypeDef, T.TypeRef, T.TypeSpec)
HasConstant = _ci("HasConstant", T.Field, T.Param, T.Property)
HasCustomAttribute = _ci(
    "HasCustomAttribute", T.MethodDef, T.Field, T.TypeRef, T.TypeDef, T.Param, T.InterfaceImpl,
    T.MemberRef, T.Module, T.DeclSecurity, T.Property, T.Event, T.StandAloneSig, T.ModuleRef,
    T.TypeSpec, T.Assembly, T.AssemblyRef, T.File, T.ExportedType, T.ManifestResource,
    T.GenericParam, T.GenericParamConstraint, T.MethodSpec)
HasFieldMarshal = _ci("HasFieldMarshal", T.Field, T.Param)
HasDeclSecurity = _ci("HasDeclSecurity", T.TypeDef, T.MethodDef, T.Assembly)
MemberRefParent = _ci("MemberRefParent", T.TypeDef, T.TypeRef, T.ModuleRef, T.MethodDef, T.TypeSpec)
HasSemantics = _ci("HasSemantics", T.Event, T.Property)
MethodDefOrRef = _ci("MethodDefOrRef", T.MethodDef, T.MemberRef)
MemberForwarded = _ci("MemberForwarded", T.Field, T.MethodDef)
Implementation = _ci("Implementation", T.File, T.AssemblyRef, T.ExportedType)
CustomAttributeType = _ci("CustomAttributeType", None, None, T.MethodDef, T.MemberRef, None)
ResolutionScope = _ci("ResolutionScope", T.Module, T.ModuleRef, T.AssemblyRef, T.TypeRef)
TypeOrMethodDef = _ci("TypeOrMethodDef", T.TypeDef, T.MethodDef)
HasCustomDebugInformation = _ci(
    "HasCustomDebugInformation", T.MethodDef, T.Field, T.TypeRef, T.TypeDef, T.Param,
    T.InterfaceImpl, T.MemberRef, T.Module, T.DeclSecurity, T.Property, T.Event, T.StandAloneSig,
    T.ModuleRef, T.TypeSpec, T.Assembly, T.AssemblyRef, T.File, T.ExportedType,
    T.ManifestResource, T.GenericParam, T.GenericParamConstraint, T.MethodSpec, T.Document,
    T.LocalScope, T.LocalVariable, T.LocalConstant, T.ImportScope)

CODED_INDEXES = (TypeDefOrRef, HasConstant, HasCustomAttribute, HasFieldMarshal, HasDeclSecurity,
                 MemberRefParent, HasSemantics, MethodDefOrRef, MemberForwarded, Implementation,
                 CustomAttributeType, ResolutionScope, TypeOrMethodDef, HasCustomDebugInformation)


class ColumnKind(IntEnum):
    U8 = 1
    U16 = 2
    U32 = 3
    STRING = 4          # #Strings index
    GUID = 5            # #GUID index
    BLOB = 6            # #Blob index
    TABLE = 7           # row number in one table
    CODED = 8           # coded index
    LIST = 9            # row number in one table: the first of a run that ends where the next row's run starts


@dataclass(frozen=True)
class Column:
    name: str           # the specification's name, e.g. "TypeNamespace"
    kind: ColumnKind
    target: object = None   # TableId for TABLE/LIST, CodedIndex for CODED

    @property
    def attr(self) -> str:
        """The Python attribute name of the column (snake_case of the specification's name)."""
        name = _snake(self.name)
        return name + "_" if keyword.iskeyword(name) else name


def _snake(name: str) -> str:
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", s)
    return s.lower()


K = ColumnKind


def u8(n): return Column(n, K.U8)
def u16(n): return Column(n, K.U16)
def u32(n): return Column(n, K.U32)
def string(n): return Column(n, K.STRING)
def guid(n): return Column(n, K.GUID)
def blob(n): return Column(n, K.BLOB)
def table(n, t): return Column(n, K.TABLE, t)
def coded(n, ci): return Column(n, K.CODED, ci)
def run(n, t): return Column(n, K.LIST, t)


SCHEMA = {
    T.Module: (u16("Generation"), string("Name"), guid("Mvid"), guid("EncId"), guid("EncBaseId")),
    T.TypeRef: (coded("ResolutionScope", ResolutionScope), string("TypeName"), string("TypeNamespace")),
    T.TypeDef: (u32("Flags"), string("TypeName"), string("TypeNamespace"), coded("Extends", TypeDefOrRef),
                run("FieldList", T.Field), run("MethodList", T.MethodDef)),
    T.FieldPtr: (table("Field", T.Field),),
    T.Field: (u16("Flags"), string("Name"), blob("Signature")),
    T.MethodPtr: (table("Method", T.MethodDef),),
    T.MethodDef: (u32("RVA"), u16("ImplFlags"), u16("Flags"), string("Name"), blob("Signature"),
                  run("ParamList", T.Param)),
    T.ParamPtr: (table("Param", T.Param),),
    T.Param: (u16("Flags"), u16("Sequence"), string("Name")),
    T.InterfaceImpl: (table("Class", T.TypeDef), coded("Interface", TypeDefOrRef)),
    T.MemberRef: (coded("Class", MemberRefParent), string("Name"), blob("Signature")),
    T.Constant: (u8("Type"), u8("Padding"), coded("Parent", HasConstant), blob("Value")),
    T.CustomAttribute: (coded("Parent", HasCustomAttribute), coded("Type", CustomAttributeType), blob("Value")),
    T.FieldMarshal: (coded("Parent", HasFieldMarshal), blob("NativeType")),
    T.DeclSecurity: (u16("Action"), coded("Parent", HasDeclSecurity), blob("PermissionSet")),
    T.ClassLayout: (u16("PackingSize"), u32("ClassSize"), table("Parent", T.TypeDef)),
    T.FieldLayout: (u32("Offset"), table("Field", T.Field)),
    T.StandAloneSig: (blob("Signature"),),
    T.EventMap: (table("Parent", T.TypeDef), run("EventList", T.Event)),
    T.EventPtr: (table("Event", T.Event),),
    T.Event: (u16("EventFlags"), string("Name"), coded("EventType", TypeDefOrRef)),
    T.PropertyMap: (table("Parent", T.TypeDef), run("PropertyList", T.Property)),
    T.PropertyPtr: (table("Property", T.Property),),
    T.Property: (u16("Flags"), string("Name"), blob("Type")),
    T.MethodSemantics: (u16("Semantics"), table("Method", T.MethodDef), coded("Association", HasSemantics)),
    T.MethodImpl: (table("Class", T.TypeDef), coded("MethodBody", MethodDefOrRef),
                   coded("MethodDeclaration", MethodDefOrRef)),
    T.ModuleRef: (string("Name"),),
    T.TypeSpec: (blob("Signature"),),
    T.ImplMap: (u16("MappingFlags"), coded("MemberForwarded", MemberForwarded), string("ImportName"),
                table("ImportScope", T.ModuleRef)),
    T.FieldRVA: (u32("RVA"), table("Field", T.Field)),
    T.EncLog: (u32("Token"), u32("FuncCode")),
    T.EncMap: (u32("Token"),),
    T.Assembly: (u32("HashAlgId"), u16("MajorVersion"), u16("MinorVersion"), u16("BuildNumber"),
                 u16("RevisionNumber"), u32("Flags"), blob("PublicKey"), string("Name"), string("Culture")),
    T.AssemblyProcessor: (u32("Processor"),),
    T.AssemblyOS: (u32("OSPlatformID"), u32("OSMajorVersion"), u32("OSMinorVersion")),
    T.AssemblyRef: (u16("MajorVersion"), u16("MinorVersion"), u16("BuildNumber"), u16("RevisionNumber"),
                    u32("Flags"), blob("PublicKeyOrToken"), string("Name"), string("Culture"),
                    blob("HashValue")),
    T.AssemblyRefProcessor: (u32("Processor"), table("AssemblyRef", T.AssemblyRef)),
    T.AssemblyRefOS: (u32("OSPlatformID"), u32("OSMajorVersion"), u32("OSMinorVersion"),
                      table("AssemblyRef", T.AssemblyRef)),
    T.File: (u32("Flags"), string("Name"), blob("HashValue")),
    T.ExportedType: (u32("Flags"), u32("TypeDefId"), string("TypeName"), string("TypeNamespace"),
                     coded("Implementation", Implementation)),
    T.ManifestResource: (u32("Offset"), u32("Flags"), string("Name"), coded("Implementation", Implementation)),
    T.NestedClass: (table("NestedClass", T.TypeDef), table("EnclosingClass", T.TypeDef)),
    T.GenericParam: (u16("Number"), u16("Flags"), coded("Owner", TypeOrMethodDef), string("Name")),
    T.MethodSpec: (coded("Method", MethodDefOrRef), blob("Instantiation")),
    T.GenericParamConstraint: (table("Owner", T.GenericParam), coded("Constraint", TypeDefOrRef)),
    T.Document: (blob("Name"), guid("HashAlgorithm"), blob("Hash"), guid("Language")),
    T.MethodDebugInformation: (table("Document", T.Document), blob("SequencePoints")),
    T.LocalScope: (table("Method", T.MethodDef), table("ImportScope", T.ImportScope),
                   run("VariableList", T.LocalVariable), run("ConstantList", T.LocalConstant),
                   u32("StartOffset"), u32("Length")),
    T.LocalVariable: (u16("Attributes"), u16("Index"), string("Name")),
    T.LocalConstant: (string("Name"), blob("Signature")),
    T.ImportScope: (table("Parent", T.ImportScope), blob("Imports")),
    T.StateMachineMethod: (table("MoveNextMethod", T.MethodDef), table("KickoffMethod", T.MethodDef)),
    T.CustomDebugInformation: (coded("Parent", HasCustomDebugInformation), guid("Kind"), blob("Value")),
}

# Tables that must be sorted by a key column (II.22, "sorted" in the table descriptions).
SORTED_BY = {
    T.InterfaceImpl: ("Class", "Interface"),
    T.Constant: ("Parent",),
    T.CustomAttribute: ("Parent",),
    T.FieldMarshal: ("Parent",),
    T.DeclSecurity: ("Parent",),
    T.ClassLayout: ("Parent",),
    T.FieldLayout: ("Field",),
    T.MethodSemantics: ("Association",),
    T.MethodImpl: ("Class",),
    T.ImplMap: ("MemberForwarded",),
    T.FieldRVA: ("Field",),
    T.NestedClass: ("NestedClass",),
    T.GenericParam: ("Owner", "Number"),
    T.GenericParamConstraint: ("Owner",),
    T.LocalScope: ("Method",),
    T.StateMachineMethod: ("MoveNextMethod",),
    T.CustomDebugInformation: ("Parent",),
}

# The *Ptr tables of uncompressed (#-) metadata: a run column indexes the Ptr table when it exists.
PTR_TABLE_FOR = {T.Field: T.FieldPtr, T.MethodDef: T.MethodPtr, T.Param: T.ParamPtr,
                 T.Event: T.EventPtr, T.Property: T.PropertyPtr}
