"""Resolve: actors, places and dates of a story, each usable on its own from Python."""

from __future__ import annotations

from .actors import ActorResolver, actor_resolver
from .dates import find_dates
from .places import Gazetteer, gazetteer

__all__ = ["ActorResolver", "Gazetteer", "actor_resolver", "find_dates", "gazetteer"]
