"""The resume checker: text extraction, structure, keywords, bullets and the report."""
