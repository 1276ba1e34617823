"""The Insights page: how stress and pain moved together, as far as the diary can tell."""
