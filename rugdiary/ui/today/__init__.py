"""The Today page: where the app opens, showing today's entry, the week and what is next."""
