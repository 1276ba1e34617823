"""The flare-up plan: a calm page of what to do, the Today line, and logging start and end."""
