"""Extraction of facts from German text: one module per kind of fact; `pipeline` combines them."""
