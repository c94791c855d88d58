"""Stage 5: rendering results. The only stage (with the CLI) that prints or uses rich."""
