"""grapheme-distill: distil what large language models know into typed knowledge graphs and
GRAPHEME character graphs.

The public API is what ``__all__`` lists (a test keeps it complete); everything else is private and
may change.  Quick start::

    from grapheme_distill import KnowledgeDistiller
    result = KnowledgeDistiller().distill_response("What is Paris?", "Paris is the capital of France.")
    result.graph.stats()
"""

from __future__ import annotations

from grapheme_distill.cloze import ClozePrompt, ClozeResult, aask_cloze, ask_cloze
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
from grapheme_distill.evaluation import EvaluationReport, evaluate
from grapheme_distill.export import export_graph
from grapheme_distill.extractors import (
    Extraction,
    ExtractionFailure,
    Extractor,
    RuleExtractor,
    available_extractors,
    get_extractor,
)
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor
from grapheme_distill.extractors.vocab import RelationVocabulary, apply_vocabulary
from grapheme_distill.grapheme import GraphemeExport, from_text, read_grapheme, to_grapheme, to_text
from grapheme_distill.merge import ApplyResult, GraphKnowledgeApplier, MergeStrategy, merge_into
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
from grapheme_distill.pipeline import DistillSummary, distill_transcripts
from grapheme_distill.session import (
    DistillationResult,
    DistillationSession,
    KnowledgeDistiller,
    Rejection,
    SessionMetrics,
)
from grapheme_distill.soft_targets import SoftTarget, distillation_loss
from grapheme_distill.store import GraphStore, SQLiteStore, StoreStats, open_store
from grapheme_distill.student import (
    StudentExport,
    build_student_arrays,
    export_student,
    to_pyg_data,
)
from grapheme_distill.teachers import (
    Message,
    Teacher,
    TeacherRequest,
    TeacherResponse,
    TokenLogprob,
    TopLogprob,
    Usage,
)
from grapheme_distill.teachers.anthropic import AnthropicTeacher
from grapheme_distill.teachers.batch import BatchResult, complete_many, complete_many_sync
from grapheme_distill.teachers.local import LocalTeacher
from grapheme_distill.teachers.ollama import OllamaTeacher
from grapheme_distill.teachers.openai_compat import OpenAICompatTeacher
from grapheme_distill.teachers.pricing import ModelPrice, PriceTable
from grapheme_distill.teachers.registry import (
    ask_teacher,
    available_teachers,
    describe_teachers,
    get_teacher,
    load_teacher_config,
    register_openai_compatible,
    register_teacher,
)
from grapheme_distill.teachers.replay import ReplayTeacher
from grapheme_distill.teachers.wrappers import (
    AccountingTeacher,
    CacheBackend,
    CachingTeacher,
    ConcurrencyLimit,
    MemoryCache,
    RateLimitedTeacher,
    RecordingTeacher,
    RetryingTeacher,
    RunAccount,
    StoreCache,
    TeacherStack,
    TranscriptWriter,
    wrap_teacher,
)
from grapheme_distill.topics import (
    PromptTemplate,
    TopicsSummary,
    adistill_topics,
    distill_topics,
    load_templates,
)
from grapheme_distill.transcripts import TranscriptReader

__version__ = "0.1.0"

__all__ = [
    "AccountingTeacher",
    "AnthropicTeacher",
    "ApplyResult",
    "Attribute",
    "BatchResult",
    "CANONICAL_PREDICATES",
    "CacheBackend",
    "CachingTeacher",
    "ClozePrompt",
    "ClozeResult",
    "ConcurrencyLimit",
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
    "EvaluationReport",
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
    "LocalTeacher",
    "LowConfidence",
    "MemoryCache",
    "MergeStrategy",
    "Message",
    "MigrationError",
    "MissingDependency",
    "ModelPrice",
    "OllamaTeacher",
    "OpenAICompatTeacher",
    "ParseError",
    "PriceTable",
    "Procedure",
    "PromptTemplate",
    "Provenance",
    "RateLimitedTeacher",
    "RecordingTeacher",
    "Rejection",
    "Relation",
    "RelationVocabulary",
    "ReplayMiss",
    "ReplayTeacher",
    "ResolutionError",
    "RetryableError",
    "RetryableTeacherError",
    "RetryingTeacher",
    "RuleExtractor",
    "RunAccount",
    "SQLiteStore",
    "SessionError",
    "SessionFull",
    "SessionMetrics",
    "SessionNotFound",
    "SoftTarget",
    "SpacyExtractor",
    "StoreCache",
    "StoreError",
    "StoreStats",
    "StudentExport",
    "Teacher",
    "TeacherError",
    "TeacherRequest",
    "TeacherResponse",
    "TeacherStack",
    "TokenLogprob",
    "TopLogprob",
    "TopicsSummary",
    "TranscriptReader",
    "TranscriptWriter",
    "Usage",
    "aask_cloze",
    "adistill_topics",
    "apply_vocabulary",
    "ask_cloze",
    "ask_teacher",
    "available_extractors",
    "available_teachers",
    "build_student_arrays",
    "complete_many",
    "complete_many_sync",
    "content_hash",
    "describe_teachers",
    "distill_topics",
    "distill_transcripts",
    "distillation_loss",
    "evaluate",
    "export_graph",
    "export_student",
    "from_text",
    "get_extractor",
    "get_teacher",
    "load_teacher_config",
    "load_templates",
    "merge_into",
    "noisy_or",
    "normalise_name",
    "normalise_predicate",
    "open_store",
    "read_grapheme",
    "register_openai_compatible",
    "register_teacher",
    "to_grapheme",
    "to_pyg_data",
    "to_text",
    "wrap_teacher",
    "__version__",
]
