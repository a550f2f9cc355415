"""The `parkdesk` command line: subcommands over the Qt-free core."""
