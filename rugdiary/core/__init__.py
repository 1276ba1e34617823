"""Pure-Python domain logic: no Qt, no TinyDB, no matplotlib."""
