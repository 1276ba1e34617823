"""My activities (PSFS / PSK): the dialog to name, stop and score them."""
