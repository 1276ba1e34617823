"""Charts and reports: matplotlib and PDF output, with no Qt."""
