"""CueMap core: corpus, retrieval, cited answers and the cue-mapping interview.

Nothing in this package imports Slack; integrations translate to and from it.
"""

__version__ = "0.4.5"
