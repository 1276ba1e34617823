"""The Settings page: preferences stored in the diary file, backups, and the data folder."""
