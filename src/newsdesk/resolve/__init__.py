"""Resolve: actors, places and dates of a story, each usable on its own from Python."""

from __future__ import annotations

from .actors import ActorResolver, actor_resolver
from .dates import find_dates, is_future
from .linker import DocumentActors
from .places import Gazetteer, gazetteer
from .timex import Timex, find_timexes

__all__ = [
    "ActorResolver",
    "DocumentActors",
    "Gazetteer",
    "Timex",
    "actor_resolver",
    "find_dates",
    "find_timexes",
    "gazetteer",
    "is_future",
]
