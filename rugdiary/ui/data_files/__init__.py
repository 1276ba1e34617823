"""Export my data and Import data: the diary as files the person chooses to make or read."""
