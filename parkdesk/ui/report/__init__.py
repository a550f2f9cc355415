"""The operator's editing of one annual report: pages per section, validation, undo."""
