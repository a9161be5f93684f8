"""`manage.py evaluate_ranking`: the ranking against hand judgments.

See bench/evaluation_command.py.
"""

from bench.evaluation_command import EvaluateRankingCommand as Command

__all__ = ["Command"]
