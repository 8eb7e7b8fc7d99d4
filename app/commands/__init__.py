"""Headless subcommands. Each module defines ``register(subparsers)``; app.cli finds them."""
