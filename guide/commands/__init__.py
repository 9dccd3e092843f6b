"""The `guide` subcommands that are more than a few lines: bookmarks, kiosk, pack/update."""
