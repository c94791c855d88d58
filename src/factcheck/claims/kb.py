"""The knowledge base (kb/entities.yaml, kb/attributes.yaml), validated and indexed."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from factcheck.claims.cues import CueSpec, load_cues
from factcheck.datafile import read_yaml, validation_message
from factcheck.errors import DataError
from factcheck.normalize.pipeline import normalize_chars
from factcheck.quantities.units import compatible
from factcheck.resources import bundled_dir

TRAILING_QUALIFIERS = "左右以上以内多余约 "  # a set of characters, stripped from the right


RESEARCH_FIRM = "research_firm"
"""The kind of an analyst firm (IDC, TrendForce): cited as a source, never a subject."""


class EntitySpec(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    kind: Literal[
        "company",
        "chip",
        "chip_family",
        "product",
        "platform",
        "market",
        "government",
        "regulation",
        "model",
        "group",
        "aggregate",
        "research_firm",
    ]
    name: str
    vendor: str | None = None
    aliases: list[str]
    members: int | None = None
    """An aggregate's chip count, where its vendor states it."""
    family: str | None = None
    generation: int | None = None
    """A chip's family and its generation in it, where the vendor numbers them (Ironwood is
    the seventh-generation TPU): 第七代TPU names the chip."""
    source: str | None = None


class AttributeSpec(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    unit: str
    cues: list[str]
    subject: list[str] = []
    default: bool = False
    stable: bool = False
    values: dict[str, str] = {}
    classifiers: list[str] = []
    written_in: list[str] = []
    """The only units a value of it is written in, when its dimension has others (a
    process node is in nm, never in inches)."""
    generic: bool = False
    """A cue of a narrower attribute written just before this one's cue names the narrower
    one (FP16 + 稠密算力 is FP16 compute)."""
    relation_only: bool = False
    """Compared (是…的N倍, 提升N%) but never stated as a number of its own: performance."""
    in_region: str | None = None
    """The attribute a figure becomes when its clause names a region (revenue in China is
    China revenue, not the company's revenue)."""
    bounds: tuple[float | None, float | None] | None = None
    """What a value of it can be at all, in its unit (a market share lies in [0, 100])."""
    parts_of_a_whole: bool = False
    """Different entities' values are shares of one whole: listed together they sum to at
    most 100%."""
    price_of: list[str] = []
    """The count attributes whose units this price is per (card_price: chips ordered)."""
    sums_over_members: bool = False
    """A system's value is its chips' count times the per-chip value (compute, memory)."""
    per_member: str | None = None
    """The chips' attribute a system's value sums, when it has another name (总算力 sums
    each chip's 算力); else the same attribute."""
    total_of_units: bool = False
    """A value can be the cost of counted units: count × unit price in its sentence gives it."""
    written_as_multiple: bool = False
    """Its values are written as multiples (市销率为56.35倍): N倍 right after its cue is a
    value of it, not a ratio to something."""

    @property
    def categorical(self) -> bool:
        return self.unit == "categorical"

    def fits(self, unit: str | None, surface: str = "") -> bool:
        """Does a quantity in `unit` (written as `surface`) state this attribute?"""
        if unit is None or self.categorical or self.relation_only:
            return False
        if self.classifiers and not surface.rstrip(TRAILING_QUALIFIERS).endswith(
            tuple(self.classifiers)
        ):
            return False
        if self.written_in and unit not in self.written_in:
            return False
        if self.unit == "currency":
            return unit in _CURRENCIES
        if self.unit == "share_price":
            return unit in _CURRENCIES or (
                unit.split("/")[0] in _CURRENCIES and unit.endswith("/stock_share")
            )
        if self.unit in ("count", "parameter") or unit in ("count", "parameter"):
            return unit == self.unit
        if self.unit == "dimensionless" and unit == "percent":
            return False  # 缩减41%核心数量 is a change, not a number of cores
        return compatible(self.unit, unit)


_CURRENCIES = frozenset({"CNY", "USD", "HKD", "EUR", "TWD", "JPY", "KRW", "GBP", "money"})
"""`money`: an amount whose currency is not written (claims/money.py)."""


class ScopeSpec(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    conditions: dict[str, list[str]]
    anaphora: list[str]
    regions: list[str] = []
    """Words that place a figure in one region (中国市场): an attribute with `in_region`
    becomes that regional attribute."""
    against_forecast: list[str] = []
    """Words comparing a result with its forecast (优于预期, beat estimates): a figure
    written right after them is the forecast, but the rest of the sentence is results."""


@dataclass(frozen=True)
class KnowledgeBase:
    entities: dict[str, EntitySpec]
    attributes: dict[str, AttributeSpec]
    aliases: dict[str, str]
    """Normalized alias -> entity id."""
    scopes: ScopeSpec
    cues: CueSpec

    def display(self, entity: str | None) -> str:
        """The entity's name for people (NVIDIA H20), its id when unknown to the kb."""
        spec = self.entities.get(entity) if entity else None
        local = _local_parts(entity) if spec is None else None
        if local is not None:
            return local[1]
        return spec.name if spec else (entity or "unknown entity")

    def kind(self, entity: str | None) -> str | None:
        spec = self.entities.get(entity) if entity else None
        local = _local_parts(entity) if spec is None else None
        if local is not None:
            return local[0]
        return spec.kind if spec else None


LOCAL_PREFIX = "local:"
"""A document-local entity the kb does not know: `local:<kind>:<name as written>`."""


def local_entity(kind: str, name: str) -> str:
    return f"{LOCAL_PREFIX}{kind}:{name}"


def _local_parts(entity: str | None) -> tuple[str, str] | None:
    """(kind, name) of a document-local id, None for any other."""
    if not entity or not entity.startswith(LOCAL_PREFIX):
        return None
    _, kind, name = entity.split(":", 2)
    return kind, name


def alias_key(alias: str) -> str:
    """An alias as it will appear in normalized text: NFKC, simplified script."""
    return normalize_chars(alias)[0].strip()


def _read_yaml(path: Path) -> Any:
    return read_yaml(path).data


def _entities(path: Path) -> list[EntitySpec]:
    """Each entity validated on its own, so an error names its line."""
    file = read_yaml(path)
    raw = file.data.get("entities") if isinstance(file.data, dict) else None
    if not isinstance(raw, list):
        raise DataError("expected `entities:` with a list of entities", path=str(path), line=1)
    lines = file.entry_lines("entities")
    entities = []
    for index, item in enumerate(raw):
        try:
            entities.append(EntitySpec.model_validate(item))
        except ValidationError as error:
            line = lines[index] if index < len(lines) else None
            raise DataError(validation_message(error), path=str(path), line=line) from None
    return entities


def load_kb(directory: Path) -> KnowledgeBase:
    entities_path = directory / "entities.yaml"
    attributes_path = directory / "attributes.yaml"
    entities = _entities(entities_path)
    raw_attributes = _read_yaml(attributes_path)
    raw_scopes = _read_yaml(directory / "scopes.yaml")
    try:
        scopes = ScopeSpec.model_validate(raw_scopes)
        attributes = {
            k: AttributeSpec.model_validate(v) for k, v in raw_attributes["attributes"].items()
        }
    except (ValidationError, KeyError, TypeError) as error:
        raise DataError(
            f"invalid knowledge base: {error}".splitlines()[0], path=str(directory)
        ) from None
    by_id: dict[str, EntitySpec] = {}
    aliases: dict[str, str] = {}
    for entity in entities:
        if entity.id in by_id:
            raise DataError(f"duplicate entity id {entity.id!r}", path=str(entities_path))
        by_id[entity.id] = entity
        for alias in (*entity.aliases, entity.name):
            key = alias_key(alias).casefold()
            owner = aliases.setdefault(key, entity.id)
            if owner != entity.id and alias in entity.aliases:
                raise DataError(
                    f"alias {alias!r} belongs to both {owner!r} and {entity.id!r}",
                    path=str(entities_path),
                )
    cues = load_cues(directory / "cues.yaml")
    return KnowledgeBase(
        entities=by_id, attributes=attributes, aliases=aliases, scopes=scopes, cues=cues
    )


@cache
def default_kb() -> KnowledgeBase:
    return load_kb(bundled_dir("kb"))
