"""Stage 3: quantity mentions + context -> claims (entity, attribute, scope, relation)."""
