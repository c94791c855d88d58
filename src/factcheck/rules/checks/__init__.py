"""Check kinds: the mechanisms. Rule packs say which to run, with which parameters."""
