"""Teachers: LLMs (remote, local or recorded) behind one protocol."""

from grapheme_distill.teachers.base import (
    Message,
    Teacher,
    TeacherRequest,
    TeacherResponse,
    TokenLogprob,
    TopLogprob,
    Usage,
)

__all__ = [
    "Message",
    "Teacher",
    "TeacherRequest",
    "TeacherResponse",
    "TokenLogprob",
    "TopLogprob",
    "Usage",
]
