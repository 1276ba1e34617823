"""RugDiary: a desktop companion for people with low back pain."""

__version__ = "0.1.0"
