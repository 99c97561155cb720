"""Text rules: entities (twitter-text), rendering, French typography, emoji."""
