"""The directory La Piaule keeps for its workers: a signed file, published and applied."""
