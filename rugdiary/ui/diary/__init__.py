"""The diary page: entry form, entry list and the controller that joins them to storage."""
