"""The player page: a guided programme with a countdown ring, a moving figure and cues."""
