"""The Programs page: exercise library, programs with progression, and their editors."""
