"""grapheme-distill: distil what large language models know into typed knowledge graphs and
GRAPHEME character graphs.

The public API is what ``__all__`` lists (a test keeps it complete); everything else is private and
may change.  Quick start::

    from grapheme_distill import KnowledgeDistiller
    result = KnowledgeDistiller().distill_response("What is Paris?", "Paris is the capital of France.")
    result.graph.stats()
"""

from __future__ import annotations

from grapheme_distill.config import DistillationConfig
from grapheme_distill.errors import (
    ConfigError,
    DistillError,
    ExportError,
    ExtractionError,
    ExtractionFailed,
    FatalTeacherError,
    InputError,
    InvalidConfig,
    LowConfidence,
    MigrationError,
    MissingDependency,
    ParseError,
    ReplayMiss,
    ResolutionError,
    RetryableError,
    RetryableTeacherError,
    SessionError,
    SessionFull,
    SessionNotFound,
    StoreError,
    TeacherError,
)
from grapheme_distill.extractors import (
    Extraction,
    ExtractionFailure,
    Extractor,
    RuleExtractor,
    available_extractors,
    get_extractor,
)
from grapheme_distill.model import (
    CANONICAL_PREDICATES,
    Attribute,
    Confidence,
    DistilledKnowledge,
    Entity,
    EntityType,
    Evidence,
    GraphStats,
    HierarchyEdge,
    HierarchyKind,
    KnowledgeGraph,
    KnowledgeType,
    LinguisticItem,
    LinguisticKind,
    Procedure,
    Provenance,
    Relation,
    content_hash,
    noisy_or,
    normalise_name,
    normalise_predicate,
)
from grapheme_distill.session import (
    DistillationResult,
    DistillationSession,
    KnowledgeDistiller,
    Rejection,
    SessionMetrics,
)
from grapheme_distill.soft_targets import SoftTarget, distillation_loss
from grapheme_distill.teachers import (
    Message,
    Teacher,
    TeacherRequest,
    TeacherResponse,
    TokenLogprob,
    TopLogprob,
    Usage,
)

__version__ = "0.1.0"

__all__ = [
    "Attribute",
    "CANONICAL_PREDICATES",
    "Confidence",
    "ConfigError",
    "DistillError",
    "DistillationConfig",
    "DistillationResult",
    "DistillationSession",
    "DistilledKnowledge",
    "Entity",
    "EntityType",
    "Evidence",
    "ExportError",
    "Extraction",
    "ExtractionError",
    "ExtractionFailed",
    "ExtractionFailure",
    "Extractor",
    "FatalTeacherError",
    "GraphStats",
    "HierarchyEdge",
    "HierarchyKind",
    "InputError",
    "InvalidConfig",
    "KnowledgeDistiller",
    "KnowledgeGraph",
    "KnowledgeType",
    "LinguisticItem",
    "LinguisticKind",
    "LowConfidence",
    "Message",
    "MigrationError",
    "MissingDependency",
    "ParseError",
    "Procedure",
    "Provenance",
    "Rejection",
    "Relation",
    "ReplayMiss",
    "ResolutionError",
    "RetryableError",
    "RetryableTeacherError",
    "RuleExtractor",
    "SessionError",
    "SessionFull",
    "SessionMetrics",
    "SessionNotFound",
    "SoftTarget",
    "StoreError",
    "Teacher",
    "TeacherError",
    "TeacherRequest",
    "TeacherResponse",
    "TokenLogprob",
    "TopLogprob",
    "Usage",
    "available_extractors",
    "content_hash",
    "distillation_loss",
    "get_extractor",
    "noisy_or",
    "normalise_name",
    "normalise_predicate",
    "__version__",
]
