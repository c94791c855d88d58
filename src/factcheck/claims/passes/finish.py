"""Last pass: memory types follow their sizes, unknown models become no entity (said so),
drafts get ids in text order and become claims with spans into the original text."""

from __future__ import annotations

from factcheck.claims.context import DocumentContext
from factcheck.claims.draft import UNKNOWN_CONFIDENCE, Draft, DraftTable
from factcheck.claims.entities import UNKNOWN_MODEL
from factcheck.model.claim import Binding, Claim, Operand


def finish(ctx: DocumentContext, table: DraftTable) -> list[Claim]:
    drafts = table.drafts
    for draft in drafts:
        if draft.owner is not None:
            if draft.entity != draft.owner.entity:
                draft.entity_how = "size_before_type"
            draft.entity = draft.owner.entity
            draft.confidence = min(draft.confidence, draft.owner.confidence)
            draft.inferred.pop("entity", None)
            if "entity" in draft.owner.inferred:
                draft.inferred["entity"] = draft.owner.inferred["entity"]
    for draft in drafts:
        if draft.entity == UNKNOWN_MODEL:  # never a guess: unknown, and said so
            draft.entity = None
            draft.entity_how = "abstain:unknown_model_of_known_family"
            draft.confidence = min(draft.confidence, UNKNOWN_CONFIDENCE)
            draft.inferred.pop("entity", None)
        draft.operands = [
            (role, target, None if entity == UNKNOWN_MODEL else entity, attribute)
            for role, target, entity, attribute in draft.operands
        ]
    drafts.sort(key=lambda d: (d.start, d.end, d.kind.value))
    for number, draft in enumerate(drafts, start=1):
        draft.id = f"{ctx.doc.id}#c{number}"
    return [_claim(ctx, draft) for draft in drafts]


def _claim(ctx: DocumentContext, draft: Draft) -> Claim:
    span = ctx.norm.to_original(draft.start, draft.end)
    operands = [
        Operand(role=role, claim=target.id if target else None, entity=entity, attribute=attribute)
        for role, target, entity, attribute in draft.operands
    ]
    return Claim(
        id=draft.id,
        document=ctx.doc.path,
        span=(span.start, span.end),
        quote=ctx.doc.text[span.start : span.end],
        entity=draft.entity,
        attribute=draft.attribute,
        scope=draft.scope,
        kind=draft.kind,
        value=draft.value,
        low=draft.low,
        high=draft.high,
        unit=draft.unit,
        qualifier=draft.qualifier,
        operands=operands,
        expression=draft.expression,
        confidence=draft.confidence,
        binding=Binding(
            entity=draft.entity_how,
            attribute=draft.attribute_how,
            rejected=draft.rejected,
            inferred=draft.inferred,
        ),
        precision=draft.precision,
        sentence=draft.sentence,
        damaged=ctx.damaged(draft.sentence),
    )
