"""The passes of claim building, in the order `claims/build.py` runs them: values, memory
types, relations, directions, finish. Each reads the document context and adds drafts."""
