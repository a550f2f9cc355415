"""The application layer: one use case per user action, driven alike by the command line and the window.

Each use case is a plain function that takes a Workspace (or files) and plain
inputs, optionally `progress(done, total) -> keep_going`, owns its
transaction, returns a result object, and raises only ParkdeskError (with a
message key; its `message(lang)` is the user's sentence). parkdesk/cli and
parkdesk/ui are thin adapters over these functions: they read options or
widgets, call the use case, and show its result. parkdesk.app.catalog lists
every use case with the command and the window action that reach it.
"""
