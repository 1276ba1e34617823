"""The Report page: the physiotherapist PDF with its options, preview, save and open."""
