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
from grapheme_distill.grapheme import GraphemeExport, from_text, read_grapheme, to_grapheme, to_text
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
from grapheme_distill.student import StudentExport, build_student_arrays, export_student, to_pyg_data
from grapheme_distill.teachers import (
    Message,
    Teacher,
    TeacherRequest,
    TeacherResponse,
    TokenLogprob,
    TopLogprob,
    Usage,
)
from grapheme_distill.export import export_graph
from grapheme_distill.merge import ApplyResult, GraphKnowledgeApplier, MergeStrategy, merge_into
from grapheme_distill.pipeline import DistillSummary, distill_transcripts
from grapheme_distill.store import GraphStore, SQLiteStore, StoreStats, open_store
from grapheme_distill.teachers.replay import ReplayTeacher
from grapheme_distill.transcripts import TranscriptReader

__version__ = "0.1.0"

__all__ = [
    "ApplyResult",
    "Attribute",
    "CANONICAL_PREDICATES",
    "Confidence",
    "ConfigError",
    "DistillError",
    "DistillSummary",
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
    "GraphKnowledgeApplier",
    "GraphStats",
    "GraphStore",
    "GraphemeExport",
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
    "MergeStrategy",
    "Message",
    "MigrationError",
    "MissingDependency",
    "ParseError",
    "Procedure",
    "Provenance",
    "Rejection",
    "Relation",
    "ReplayMiss",
    "ReplayTeacher",
    "ResolutionError",
    "RetryableError",
    "RetryableTeacherError",
    "RuleExtractor",
    "SQLiteStore",
    "SessionError",
    "SessionFull",
    "SessionMetrics",
    "SessionNotFound",
    "SoftTarget",
    "StoreError",
    "StoreStats",
    "StudentExport",
    "Teacher",
    "TeacherError",
    "TeacherRequest",
    "TeacherResponse",
    "TokenLogprob",
    "TopLogprob",
    "TranscriptReader",
    "Usage",
    "available_extractors",
    "build_student_arrays",
    "content_hash",
    "distill_transcripts",
    "distillation_loss",
    "export_graph",
    "export_student",
    "from_text",
    "get_extractor",
    "merge_into",
    "noisy_or",
    "normalise_name",
    "normalise_predicate",
    "open_store",
    "read_grapheme",
    "to_grapheme",
    "to_pyg_data",
    "to_text",
    "__version__",
]
