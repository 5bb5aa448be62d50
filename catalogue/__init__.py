"""The catalogue of alternatives: categories of use, proprietary services and free alternatives.

Its own app because guides, the directory and webinars all point into it: it has no page of
its own to depend on, only the entries editors maintain as snippets.
"""
